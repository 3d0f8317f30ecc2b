// explore/neighbourhood: the typed nodes and edges around any node (Paper, Researcher, Topic,
// Institution, Source) to depth 2, at most $cap nodes of each wanted type besides the centre,
// most relevant first, with how many nodes of each type were left out, and every edge between the
// nodes shown (depth 1 is explore/neighbourhood_near). Ranking and weights are described in
// docs/services.md. The left-out count is exact for a type with room left after depth 1 (ranking
// reads those edges anyway) and for a full type whose depth-2 edges number at most $exact_edges;
// past that it is a lower and an upper bound from degree reads (docs/services.md).
// Returns: center {id, type, label, weight},
//          groups [{type, kept [[id, label, weight]], remaining, at_most, exact}] (one a type of $types, in that order),
//          edges [[source, target, type, weight]]
/*
:params {id: "A5023888391", types: ["PAPER", "RESEARCHER", "TOPIC", "INSTITUTION", "SOURCE"], cap: 25, exact_edges: 20000}
*/
CALL () {
  MATCH (n:Paper {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Researcher {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Topic {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Institution {id: $id}) RETURN n
  UNION ALL
  MATCH (n:Source {id: $id}) RETURN n
}
WITH n LIMIT 1
// A researcher centre's RESEARCHER group (its co-authors) is read from the ranking it stores
// (`top_coauthors`, kept at write time in exactly the order below: shared works descending, then
// id) when the list holds at least $cap, each kept co-author sought by id and its count read from
// the degree; otherwise it is ranked from all the COAUTHOR edges like the other groups.
WITH n, n:Researcher AND 'RESEARCHER' IN $types
          AND size(coalesce(n.top_coauthors, [])) >= $cap AS stored
// Depth 1: the hierarchy (SUBTOPIC_OF, PART_OF) first, then by the strength of the edge
// (shared works; a paper's topics by HAS_TOPIC score; co-occurring papers), else by the
// neighbour's weight (papers by citations, authors by works, venues by papers). Each
// (relationship type, direction) reaches one label, so a neighbour's type comes from its edge
// and no label is read; a type not wanted expands nothing. Each row of a union's branch
// passes the union operator of every branch after it: the branches that can reach hundreds
// or thousands come last.
CALL (n, stored) {
  CALL (n, stored) {
    WITH n WHERE 'TOPIC' IN $types
    MATCH (n)-[r:SUBTOPIC_OF]-(m)
    RETURN m, 'TOPIC' AS kind, r, 1 AS priority, null AS strength
    UNION ALL
    WITH n WHERE 'INSTITUTION' IN $types
    MATCH (n)-[r:PART_OF]-(m)
    RETURN m, 'INSTITUTION' AS kind, r, 1 AS priority, null AS strength
    UNION ALL
    WITH n WHERE 'SOURCE' IN $types
    MATCH (n)-[r:PUBLISHED_IN]->(m)
    RETURN m, 'SOURCE' AS kind, r, 0 AS priority, null AS strength
    UNION ALL
    WITH n WHERE 'TOPIC' IN $types
    MATCH (n)-[r:HAS_TOPIC]->(m)
    RETURN m, 'TOPIC' AS kind, r, 0 AS priority, toFloat(r.score) AS strength
    UNION ALL
    WITH n WHERE 'INSTITUTION' IN $types
    MATCH (n)-[r:AFFILIATED_WITH]->(m)
    RETURN m, 'INSTITUTION' AS kind, r, 0 AS priority, toFloat(r.works) AS strength
    UNION ALL
    WITH n WHERE 'RESEARCHER' IN $types
    MATCH (n)<-[r:AUTHORED]-(m)
    RETURN m, 'RESEARCHER' AS kind, r, 0 AS priority, null AS strength
    UNION ALL
    WITH n WHERE 'TOPIC' IN $types
    MATCH (n)-[r:CO_OCCURS]-(m)
    RETURN m, 'TOPIC' AS kind, r, 0 AS priority, toFloat(r.papers) AS strength
    UNION ALL
    WITH n WHERE 'RESEARCHER' IN $types AND NOT stored
    MATCH (n)-[r:COAUTHOR]-(m)
    RETURN m, 'RESEARCHER' AS kind, r, 0 AS priority, toFloat(r.works) AS strength
    UNION ALL
    WITH n WHERE 'PAPER' IN $types
    MATCH (n)-[r:AUTHORED|CITES]->(m)
    RETURN m, 'PAPER' AS kind, r, 0 AS priority, null AS strength
    UNION ALL
    WITH n WHERE 'RESEARCHER' IN $types
    MATCH (n)<-[r:AFFILIATED_WITH]-(m)
    RETURN m, 'RESEARCHER' AS kind, r, 0 AS priority, toFloat(r.works) AS strength
    UNION ALL
    WITH n WHERE 'PAPER' IN $types
    MATCH (n)<-[r:HAS_TOPIC|CITES|PUBLISHED_IN]-(m)
    RETURN m, 'PAPER' AS kind, r, 0 AS priority, null AS strength
  }
  WITH m, kind, r, priority, strength
  WHERE m <> n
  WITH m, kind, max(priority) AS priority, max(strength) AS strength, collect(r) AS rels
  WITH m, kind, priority, strength, rels,
       CASE kind
         WHEN 'PAPER' THEN coalesce(m.citations,
           CASE WHEN COUNT { (m)<-[:CITES]-() } > coalesce(m.cited_by_count, 0)
                THEN COUNT { (m)<-[:CITES]-() } ELSE coalesce(m.cited_by_count, 0) END)
         WHEN 'RESEARCHER' THEN coalesce(m.works, COUNT { (m)-[:AUTHORED]->() })
         WHEN 'TOPIC' THEN CASE WHEN m.papers IS NOT NULL AND NOT EXISTS { (m)<-[:SUBTOPIC_OF]-() }
                                THEN m.papers
                                ELSE COUNT { MATCH (m)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p) RETURN DISTINCT p } END
         WHEN 'INSTITUTION' THEN COUNT { (m)<-[:AFFILIATED_WITH]-() }
         ELSE COUNT { (m)<-[:PUBLISHED_IN]-() }
       END AS weight
  ORDER BY priority DESC, coalesce(strength, toFloat(weight)) DESC, m.id
  WITH kind, collect({node: m, weight: weight, rels: rels}) AS ranked
  RETURN collect({type: kind, kept: ranked[0..$cap], total: size(ranked),
                  all: [x IN ranked | x.node]}) AS near
}
CALL (n, stored) {
  UNWIND CASE WHEN stored THEN range(0, $cap - 1) ELSE [] END AS at
  MATCH (m:Researcher {id: n.top_coauthors[at]})
  WITH at, m, n.top_coauthor_works[at] AS works
  ORDER BY at
  RETURN collect({node: m, weight: coalesce(m.works, COUNT { (m)-[:AUTHORED]->() }),
                  rels: [{source: CASE WHEN n.id < m.id THEN n.id ELSE m.id END,
                          target: CASE WHEN n.id < m.id THEN m.id ELSE n.id END,
                          type: 'COAUTHOR', weight: toFloat(works)}]}) AS kept
}
WITH n, stored,
     near + CASE WHEN stored
                 THEN [{type: 'RESEARCHER', kept: kept, total: COUNT { (n)-[:COAUTHOR]-() },
                        all: []}]
                 ELSE [] END AS near
// Depth 2, per wanted type: the nodes linked to the depth-1 nodes kept that are neither the
// centre nor one of its neighbours. First the kept nodes' typed degrees toward the type (degree
// reads, no edge read): each (relationship type, direction) below reaches one label only, and two
// nodes have at most one edge of a type and direction (COAUTHOR and CO_OCCURS: one per pair), so
// a degree counts edges to nodes of the type and each group's degree counts distinct nodes.
// A type with room left after depth 1, or whose kept nodes have at most $exact_edges such edges,
// is expanded along exactly those edges, counted exactly and, with room left, ranked (most links
// to kept nodes first, then weight, then id; weights only for the candidates that can still be
// among the first `room` by links). A full type past the budget reads no edge: at least the
// widest group of one kept node minus the centre and the centre's neighbours of the type, at
// most the sum of the degrees minus each kept node's edge to the centre.
WITH n, stored, near,
     reduce(nodes = [], g IN near | nodes + [x IN g.kept | {node: x.node, type: g.type}])
       AS kept_near,
     CASE WHEN n:Paper THEN 'PAPER' WHEN n:Researcher THEN 'RESEARCHER'
          WHEN n:Topic THEN 'TOPIC' WHEN n:Institution THEN 'INSTITUTION'
          ELSE 'SOURCE' END AS center_kind
WITH n, stored, near, kept_near, center_kind,
     {PAPER: [x IN kept_near WHERE x.type = 'PAPER' | x.node],
      RESEARCHER: [x IN kept_near WHERE x.type = 'RESEARCHER' | x.node],
      TOPIC: [x IN kept_near WHERE x.type = 'TOPIC' | x.node],
      INSTITUTION: [x IN kept_near WHERE x.type = 'INSTITUTION' | x.node],
      SOURCE: [x IN kept_near WHERE x.type = 'SOURCE' | x.node]} AS kept_of
CALL (n, stored, near, kept_near, kept_of, center_kind) {
  UNWIND $types AS kind
  WITH n, stored, kept_near, kept_of, center_kind, kind,
       head([g IN near WHERE g.type = kind] + [{kept: [], total: 0, all: []}]) AS g1
  CALL (kept_near, kind) {
    UNWIND kept_near AS kept
    WITH kind, kept.node AS k, kept.type AS k_type
    WITH CASE kind
      WHEN 'PAPER' THEN
        CASE WHEN k_type = 'RESEARCHER' THEN [COUNT { (k)-[:AUTHORED]->() }]
             WHEN k_type = 'PAPER' THEN [COUNT { (k)-[:CITES]->() }, COUNT { (k)<-[:CITES]-() }]
             WHEN k_type = 'TOPIC' THEN [COUNT { (k)<-[:HAS_TOPIC]-() }]
             WHEN k_type = 'SOURCE' THEN [COUNT { (k)<-[:PUBLISHED_IN]-() }]
             ELSE [] END
      WHEN 'RESEARCHER' THEN
        CASE WHEN k_type = 'PAPER' THEN [COUNT { (k)<-[:AUTHORED]-() }]
             WHEN k_type = 'RESEARCHER' THEN [COUNT { (k)-[:COAUTHOR]-() }]
             WHEN k_type = 'INSTITUTION' THEN [COUNT { (k)<-[:AFFILIATED_WITH]-() }]
             ELSE [] END
      WHEN 'TOPIC' THEN
        CASE WHEN k_type = 'PAPER' THEN [COUNT { (k)-[:HAS_TOPIC]->() }]
             WHEN k_type = 'TOPIC' THEN [COUNT { (k)-[:SUBTOPIC_OF]->() }, COUNT { (k)<-[:SUBTOPIC_OF]-() },
                                COUNT { (k)-[:CO_OCCURS]-() }]
             ELSE [] END
      WHEN 'INSTITUTION' THEN
        CASE WHEN k_type = 'RESEARCHER' THEN [COUNT { (k)-[:AFFILIATED_WITH]->() }]
             WHEN k_type = 'INSTITUTION' THEN [COUNT { (k)-[:PART_OF]->() }, COUNT { (k)<-[:PART_OF]-() }]
             ELSE [] END
      ELSE CASE WHEN k_type = 'PAPER' THEN [COUNT { (k)-[:PUBLISHED_IN]->() }] ELSE [] END
    END AS degrees
    RETURN sum(reduce(s = 0, d IN degrees | s + d)) AS edges,
           coalesce(max(reduce(s = 0, d IN degrees | CASE WHEN d > s THEN d ELSE s END)), 0)
             AS widest
  }
  WITH n, stored, kept_near, kept_of, center_kind, kind, g1, edges, widest,
       $cap - size(g1.kept) AS room
  WITH n, stored, kept_near, kept_of, center_kind, kind, g1, edges, widest, room,
       room > 0 OR edges <= $exact_edges AS exact
  CALL (n, stored, kind, exact) {
    UNWIND CASE WHEN stored AND exact AND kind = 'RESEARCHER' THEN [n] ELSE [] END AS c
    MATCH (c)-[:COAUTHOR]-(o)
    RETURN collect(o) AS coauthors
  }
  CALL (n, kept_of, kind, g1, room, exact, coauthors) {
    // the nodes one edge from a kept node, and (marked: no k) the centre and its depth-1 nodes
    // of the type; a marked node is left out (hashed, not a search of the list of neighbours
    // for each node reached). Each row of a branch passes the union of every branch after it,
    // so the branches that can reach thousands (from a topic, a venue, an institution) come
    // last. With room left, grouped by node (its links: the distinct kept nodes reaching it);
    // a full type needs only the count: one group, the distinct nodes reached or marked less
    // the distinct marked (no set of links a node).
    CALL (n, kept_of, kind, g1, exact, coauthors) {
      UNWIND CASE WHEN exact AND kind = 'TOPIC' THEN kept_of.PAPER ELSE [] END AS k
      MATCH (k)-[:HAS_TOPIC]->(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'TOPIC' THEN kept_of.TOPIC ELSE [] END AS k
      MATCH (k)-[:SUBTOPIC_OF|CO_OCCURS]-(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'INSTITUTION' THEN kept_of.RESEARCHER ELSE [] END AS k
      MATCH (k)-[:AFFILIATED_WITH]->(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'INSTITUTION' THEN kept_of.INSTITUTION ELSE [] END AS k
      MATCH (k)-[:PART_OF]-(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'SOURCE' THEN kept_of.PAPER ELSE [] END AS k
      MATCH (k)-[:PUBLISHED_IN]->(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'RESEARCHER' THEN kept_of.PAPER ELSE [] END AS k
      MATCH (k)<-[:AUTHORED]-(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'PAPER' THEN kept_of.PAPER ELSE [] END AS k
      MATCH (k)-[:CITES]-(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'PAPER' THEN kept_of.RESEARCHER ELSE [] END AS k
      MATCH (k)-[:AUTHORED]->(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'RESEARCHER' THEN kept_of.RESEARCHER ELSE [] END AS k
      MATCH (k)-[:COAUTHOR]-(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact THEN [n] + g1.all + coauthors ELSE [] END AS m
      RETURN m, null AS k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'PAPER' THEN kept_of.SOURCE ELSE [] END AS k
      MATCH (k)<-[:PUBLISHED_IN]-(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'PAPER' THEN kept_of.TOPIC ELSE [] END AS k
      MATCH (k)<-[:HAS_TOPIC]-(m)
      RETURN m, k
      UNION ALL
      UNWIND CASE WHEN exact AND kind = 'RESEARCHER' THEN kept_of.INSTITUTION ELSE [] END AS k
      MATCH (k)<-[:AFFILIATED_WITH]-(m)
      RETURN m, k
    }
    WITH room, CASE WHEN room > 0 THEN m END AS m,
         count(DISTINCT CASE WHEN room > 0 THEN k ELSE m END) AS spread,
         count(DISTINCT CASE WHEN k IS NULL THEN m END) AS marked
    WITH sum(CASE WHEN room = 0 THEN spread - marked WHEN marked = 0 THEN 1 ELSE 0 END) AS total,
         collect(CASE WHEN room > 0 AND marked = 0 THEN {node: m, links: spread} END) AS candidates
    CALL (kind, room, candidates) {
      WITH kind, room, candidates,
           COLLECT { UNWIND candidates AS c RETURN c.links AS links ORDER BY links DESC } AS most
      UNWIND [c IN candidates
              WHERE c.links >= most[CASE WHEN size(most) < room THEN size(most) ELSE room END - 1]] AS c
      WITH kind, c.node AS m, c.links AS links
      WITH m, links,
           CASE kind
             WHEN 'PAPER' THEN coalesce(m.citations,
               CASE WHEN COUNT { (m)<-[:CITES]-() } > coalesce(m.cited_by_count, 0)
                    THEN COUNT { (m)<-[:CITES]-() } ELSE coalesce(m.cited_by_count, 0) END)
             WHEN 'RESEARCHER' THEN coalesce(m.works, COUNT { (m)-[:AUTHORED]->() })
             WHEN 'TOPIC' THEN CASE WHEN m.papers IS NOT NULL AND NOT EXISTS { (m)<-[:SUBTOPIC_OF]-() }
                                    THEN m.papers
                                    ELSE COUNT { MATCH (m)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p) RETURN DISTINCT p } END
             WHEN 'INSTITUTION' THEN COUNT { (m)<-[:AFFILIATED_WITH]-() }
             ELSE COUNT { (m)<-[:PUBLISHED_IN]-() }
           END AS weight
      ORDER BY links DESC, weight DESC, m.id
      RETURN collect({node: m, weight: weight}) AS ranked
    }
    RETURN total, ranked
  }
  WITH kind, exact, total, ranked, edges, widest, g1.total AS near_total,
       CASE WHEN center_kind = kind THEN 1 ELSE 0 END AS to_center, size(kept_near) AS kept
  WITH kind, exact, ranked,
       CASE WHEN exact THEN total
            WHEN widest - to_center - near_total > 0 THEN widest - to_center - near_total
            ELSE 0 END AS total,
       CASE WHEN exact THEN total
            WHEN edges - to_center * kept > 0 THEN edges - to_center * kept
            ELSE 0 END AS at_most
  RETURN collect({type: kind, ranked: ranked, total: total, at_most: at_most, exact: exact})
           AS far
}
// Per type: the depth-1 nodes kept, then depth-2 nodes up to the cap; the rest is counted.
UNWIND $types AS kind
WITH n, kind, [g IN near WHERE g.type = kind] AS g1, [g IN far WHERE g.type = kind] AS g2
WITH n, kind,
     CASE WHEN size(g1) > 0 THEN g1[0].kept ELSE [] END AS kept1,
     CASE WHEN size(g1) > 0 THEN g1[0].total ELSE 0 END AS total1,
     CASE WHEN size(g2) > 0 THEN g2[0].ranked ELSE [] END AS ranked2,
     CASE WHEN size(g2) > 0 THEN g2[0].total ELSE 0 END AS total2,
     CASE WHEN size(g2) > 0 THEN g2[0].at_most ELSE 0 END AS at_most2,
     size(g2) = 0 OR g2[0].exact AS exact
WITH n, kind, kept1 + ranked2[0..($cap - size(kept1))] AS kept, total1 + total2 AS total,
     total1 + at_most2 AS at_most, exact
WITH n, collect({type: kind, kept: kept, remaining: total - size(kept),
                  at_most: at_most - size(kept), exact: exact}) AS groups
WITH n, groups,
     {PAPER: reduce(nodes = [], g IN groups | nodes + CASE WHEN g.type = 'PAPER'
                                                       THEN [x IN g.kept | x.node] ELSE [] END),
      RESEARCHER: reduce(nodes = [], g IN groups | nodes + CASE WHEN g.type = 'RESEARCHER'
                                                            THEN [x IN g.kept | x.node] ELSE [] END),
      TOPIC: reduce(nodes = [], g IN groups | nodes + CASE WHEN g.type = 'TOPIC'
                                                       THEN [x IN g.kept | x.node] ELSE [] END),
      INSTITUTION: reduce(nodes = [], g IN groups | nodes + CASE WHEN g.type = 'INSTITUTION'
                                                             THEN [x IN g.kept | x.node] ELSE [] END),
      SOURCE: reduce(nodes = [], g IN groups | nodes + CASE WHEN g.type = 'SOURCE'
                                                        THEN [x IN g.kept | x.node] ELSE [] END)}
       AS shown,
     reduce(rels = [], g IN groups | rels + reduce(rs = [], x IN g.kept | rs + coalesce(x.rels, [])))
       AS center_edges
WITH n, groups, shown, center_edges, shown.PAPER + shown.TOPIC + shown.SOURCE AS paper_ends
// Edges: every edge between two different nodes shown. The centre's were read at depth 1 (its
// neighbours shown are the depth-1 nodes kept; a stored list's co-authors come with their edge
// as a map: COAUTHOR runs from the smaller id, its weight is the shared works). A shown node's
// type is its group's (the edge that reached it fixes its label: no label is read), and each
// (relationship type, direction) reaches one label, so each edge type is expanded only from the
// shown nodes of its start type, only when its end type has shown nodes, and its far end is
// sought among the shown nodes of the end type (a paper's CITES, HAS_TOPIC and PUBLISHED_IN in
// one expansion when topics or venues are shown: a dense paper's relationship groups are read
// once, not once a type). They are found from their start node (the hubs
// of this model are at the end of edges: cited papers, topics, venues, institutions), except
// AUTHORED, found from the papers shown (a paper has a few authors, a prolific author thousands
// of papers), and COAUTHOR and CO_OCCURS (one edge per pair, from the smaller id), found from
// whichever end has fewer of them over the nodes shown (degree reads).
CALL (shown, paper_ends, center_edges) {
  CALL (shown) {
    UNWIND shown.RESEARCHER AS a
    RETURN sum(COUNT { (a)-[:COAUTHOR]->() }) <= sum(COUNT { (a)<-[:COAUTHOR]-() }) AS coauthor_out
  }
  CALL (shown) {
    UNWIND shown.TOPIC AS a
    RETURN sum(COUNT { (a)-[:CO_OCCURS]->() }) <= sum(COUNT { (a)<-[:CO_OCCURS]-() }) AS co_occurs_out
  }
  CALL (shown, paper_ends, center_edges, coauthor_out, co_occurs_out) {
    UNWIND CASE WHEN size(shown.INSTITUTION) > 1 THEN shown.INSTITUTION ELSE [] END AS a
    MATCH (a)-[r:PART_OF]->(b)
    WHERE b <> a AND b IN shown.INSTITUTION
    RETURN r
    UNION ALL
    UNWIND CASE WHEN size(shown.TOPIC) > 1 THEN shown.TOPIC ELSE [] END AS a
    MATCH (a)-[r:SUBTOPIC_OF]->(b)
    WHERE b <> a AND b IN shown.TOPIC
    RETURN r
    UNION ALL
    UNWIND CASE WHEN size(shown.INSTITUTION) > 0 THEN shown.RESEARCHER ELSE [] END AS a
    MATCH (a)-[r:AFFILIATED_WITH]->(b)
    WHERE b IN shown.INSTITUTION
    RETURN r
    UNION ALL
    UNWIND CASE WHEN size(shown.PAPER) > 1 AND size(shown.TOPIC) + size(shown.SOURCE) = 0
                THEN shown.PAPER ELSE [] END AS a
    MATCH (a)-[r:CITES]->(b)
    WHERE b <> a AND b IN shown.PAPER
    RETURN r
    UNION ALL
    UNWIND CASE WHEN size(shown.TOPIC) + size(shown.SOURCE) > 0 THEN shown.PAPER ELSE [] END AS a
    MATCH (a)-[r:CITES|HAS_TOPIC|PUBLISHED_IN]->(b)
    WHERE b <> a AND b IN paper_ends
    RETURN r
    UNION ALL
    UNWIND CASE WHEN co_occurs_out THEN shown.TOPIC ELSE [] END AS a
    MATCH (a)-[r:CO_OCCURS]->(b)
    WHERE b IN shown.TOPIC
    RETURN r
    UNION ALL
    UNWIND CASE WHEN co_occurs_out THEN [] ELSE shown.TOPIC END AS b
    MATCH (b)<-[r:CO_OCCURS]-(a)
    WHERE a IN shown.TOPIC
    RETURN r
    UNION ALL
    UNWIND center_edges AS r
    RETURN r
    UNION ALL
    UNWIND CASE WHEN size(shown.RESEARCHER) > 0 THEN shown.PAPER ELSE [] END AS b
    MATCH (b)<-[r:AUTHORED]-(a)
    WHERE a IN shown.RESEARCHER
    RETURN r
    UNION ALL
    UNWIND CASE WHEN coauthor_out THEN shown.RESEARCHER ELSE [] END AS a
    MATCH (a)-[r:COAUTHOR]->(b)
    WHERE b IN shown.RESEARCHER
    RETURN r
    UNION ALL
    UNWIND CASE WHEN coauthor_out THEN [] ELSE shown.RESEARCHER END AS b
    MATCH (b)<-[r:COAUTHOR]-(a)
    WHERE a IN shown.RESEARCHER
    RETURN r
  }
  RETURN collect(CASE WHEN r IS :: MAP THEN [r.source, r.target, r.type, r.weight] ELSE [
    startNode(r).id, endNode(r).id, type(r),
    CASE type(r)
              WHEN 'COAUTHOR' THEN toFloat(r.works)
              WHEN 'AFFILIATED_WITH' THEN toFloat(r.works)
              WHEN 'CO_OCCURS' THEN toFloat(r.papers)
              WHEN 'HAS_TOPIC' THEN toFloat(coalesce(r.score, 1.0))
              ELSE 1.0
            END
  ] END) AS edges
}
RETURN
  {id: n.id, label: coalesce(n.title, n.name, n.id),
   type: CASE WHEN n:Paper THEN 'PAPER' WHEN n:Researcher THEN 'RESEARCHER'
              WHEN n:Topic THEN 'TOPIC' WHEN n:Institution THEN 'INSTITUTION' ELSE 'SOURCE' END,
   weight: CASE
             WHEN n:Paper THEN coalesce(n.citations,
               CASE WHEN COUNT { (n)<-[:CITES]-() } > coalesce(n.cited_by_count, 0)
                    THEN COUNT { (n)<-[:CITES]-() } ELSE coalesce(n.cited_by_count, 0) END)
             WHEN n:Researcher THEN coalesce(n.works, COUNT { (n)-[:AUTHORED]->() })
             WHEN n:Topic THEN CASE WHEN n.papers IS NOT NULL AND NOT EXISTS { (n)<-[:SUBTOPIC_OF]-() }
                                    THEN n.papers
                                    ELSE COUNT { MATCH (n)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p) RETURN DISTINCT p } END
             WHEN n:Institution THEN COUNT { (n)<-[:AFFILIATED_WITH]-() }
             ELSE COUNT { (n)<-[:PUBLISHED_IN]-() }
           END} AS center,
  [g IN groups | {type: g.type, remaining: g.remaining, at_most: g.at_most, exact: g.exact,
                  kept: [x IN g.kept | [x.node.id, coalesce(x.node.title, x.node.name, x.node.id), x.weight]]}] AS groups,
  edges
