// explore/neighbourhood_near: the depth-1 neighbourhood of any node (Paper, Researcher, Topic,
// Institution, Source): at most $cap neighbours of each wanted type, most relevant first, how many
// of each type were left out (exact), and every edge between the nodes shown. The same answer as
// explore/neighbourhood at depth 1 without its depth-2 clauses. Ranking and weights are
// described in docs/services.md.
// Returns: center {id, type, label, weight},
//          groups [{type, kept [[id, label, weight]], remaining, at_most, exact}] (one a type of $types, in that order),
//          edges [[source, target, type, weight]]
/*
:params {id: "A5023888391", types: ["PAPER", "RESEARCHER", "TOPIC", "INSTITUTION", "SOURCE"], cap: 25}
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
WITH n, n.id AS center, n:Researcher AND 'RESEARCHER' IN $types
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
  WITH m, m.id AS id, kind, priority, strength, rels, weight
  ORDER BY priority DESC, coalesce(strength, toFloat(weight)) DESC, id
  WITH kind, collect({node: m, id: id, weight: weight, rels: rels}) AS ranked
  RETURN collect({type: kind, kept: ranked[0..$cap], total: size(ranked)}) AS near
}
CALL (n, center, stored) {
  UNWIND CASE WHEN stored THEN range(0, $cap - 1) ELSE [] END AS at
  WITH n, center, at, n.top_coauthors[at] AS id
  MATCH (m:Researcher {id: id})
  WITH center, at, m, id, n.top_coauthor_works[at] AS works
  ORDER BY at
  RETURN collect({node: m, id: id, weight: coalesce(m.works, COUNT { (m)-[:AUTHORED]->() }),
                  edges: [[CASE WHEN center < id THEN center ELSE id END,
                           CASE WHEN center < id THEN id ELSE center END,
                           'COAUTHOR', toFloat(works)]]}) AS kept
}
WITH n, center, stored,
     near + CASE WHEN stored
                 THEN [{type: 'RESEARCHER', kept: kept, total: COUNT { (n)-[:COAUTHOR]-() }}]
                 ELSE [] END AS near
// One group a wanted type, in the order of $types; the nodes shown by type, and their ids.
WITH n, center, [kind IN $types | coalesce(head([g IN near WHERE g.type = kind]),
                                           {type: kind, kept: [], total: 0})] AS groups
WITH n, center, groups,
     coalesce(head([g IN groups WHERE g.type = 'PAPER']).kept, []) AS papers,
     coalesce(head([g IN groups WHERE g.type = 'RESEARCHER']).kept, []) AS researchers,
     coalesce(head([g IN groups WHERE g.type = 'TOPIC']).kept, []) AS topics,
     coalesce(head([g IN groups WHERE g.type = 'INSTITUTION']).kept, []) AS institutions,
     coalesce(head([g IN groups WHERE g.type = 'SOURCE']).kept, []) AS sources
WITH n, center, groups,
     {PAPER: [x IN papers | x.node], RESEARCHER: [x IN researchers | x.node],
      TOPIC: [x IN topics | x.node], INSTITUTION: [x IN institutions | x.node],
      SOURCE: [x IN sources | x.node]} AS shown,
     {PAPER: papers, RESEARCHER: researchers, TOPIC: topics, INSTITUTION: institutions,
      SOURCE: sources} AS kept,
     [x IN papers + topics + sources | x.node] AS paper_ends
// Edges: every edge between two different nodes shown. The centre's were read at depth 1 (its
// neighbours shown are the nodes kept; a stored list's co-authors come with their edge: COAUTHOR
// runs from the smaller id, its weight is the shared works). A shown node's type is its group's
// (the edge that reached it fixes its label: no label is read), and each (relationship type,
// direction) reaches one label, so each edge type is expanded only from the shown nodes of its
// start type, only when its end type has shown nodes, and its far end is sought among the shown
// nodes of the end type (a paper's CITES, HAS_TOPIC and PUBLISHED_IN in one expansion when topics
// or venues are shown: a dense paper's relationship groups are read once, not once a type). They
// are found from their start node, whose id comes with it (the hubs of this model are at the end
// of edges: cited papers, topics, venues, institutions), except AUTHORED, found from the papers
// shown (a paper has a few authors, a prolific author thousands of papers), and COAUTHOR and
// CO_OCCURS (one edge per pair, from the smaller id), found from whichever end has fewer of them
// over the nodes shown (degree reads).
CALL (shown, kept, paper_ends) {
  CALL (shown) {
    UNWIND shown.RESEARCHER AS a
    RETURN sum(COUNT { (a)-[:COAUTHOR]->() }) <= sum(COUNT { (a)<-[:COAUTHOR]-() }) AS coauthor_out
  }
  CALL (shown) {
    UNWIND shown.TOPIC AS a
    RETURN sum(COUNT { (a)-[:CO_OCCURS]->() }) <= sum(COUNT { (a)<-[:CO_OCCURS]-() }) AS co_occurs_out
  }
  CALL (shown, kept, paper_ends, coauthor_out, co_occurs_out) {
    UNWIND CASE WHEN size(shown.INSTITUTION) > 1 THEN kept.INSTITUTION ELSE [] END AS x
    WITH x.node AS a, x.id AS source
    MATCH (a)-[r:PART_OF]->(b)
    WHERE b <> a AND b IN shown.INSTITUTION
    RETURN source, b.id AS target, r
    UNION ALL
    UNWIND CASE WHEN size(shown.TOPIC) > 1 THEN kept.TOPIC ELSE [] END AS x
    WITH x.node AS a, x.id AS source
    MATCH (a)-[r:SUBTOPIC_OF]->(b)
    WHERE b <> a AND b IN shown.TOPIC
    RETURN source, b.id AS target, r
    UNION ALL
    UNWIND CASE WHEN size(shown.INSTITUTION) > 0 THEN kept.RESEARCHER ELSE [] END AS x
    WITH x.node AS a, x.id AS source
    MATCH (a)-[r:AFFILIATED_WITH]->(b)
    WHERE b IN shown.INSTITUTION
    RETURN source, b.id AS target, r
    UNION ALL
    UNWIND CASE WHEN size(shown.PAPER) > 1 AND size(shown.TOPIC) + size(shown.SOURCE) = 0
                THEN kept.PAPER ELSE [] END AS x
    WITH x.node AS a, x.id AS source
    MATCH (a)-[r:CITES]->(b)
    WHERE b <> a AND b IN shown.PAPER
    RETURN source, b.id AS target, r
    UNION ALL
    UNWIND CASE WHEN size(shown.TOPIC) + size(shown.SOURCE) > 0 THEN kept.PAPER ELSE [] END AS x
    WITH x.node AS a, x.id AS source
    MATCH (a)-[r:CITES|HAS_TOPIC|PUBLISHED_IN]->(b)
    WHERE b <> a AND b IN paper_ends
    RETURN source, b.id AS target, r
    UNION ALL
    UNWIND CASE WHEN co_occurs_out THEN kept.TOPIC ELSE [] END AS x
    WITH x.node AS a, x.id AS source
    MATCH (a)-[r:CO_OCCURS]->(b)
    WHERE b IN shown.TOPIC
    RETURN source, b.id AS target, r
    UNION ALL
    UNWIND CASE WHEN co_occurs_out THEN [] ELSE kept.TOPIC END AS x
    WITH x.node AS b, x.id AS target
    MATCH (b)<-[r:CO_OCCURS]-(a)
    WHERE a IN shown.TOPIC
    RETURN a.id AS source, target, r
    UNION ALL
    UNWIND CASE WHEN size(shown.RESEARCHER) > 0 THEN kept.PAPER ELSE [] END AS x
    WITH x.node AS b, x.id AS target
    MATCH (b)<-[r:AUTHORED]-(a)
    WHERE a IN shown.RESEARCHER
    RETURN a.id AS source, target, r
    UNION ALL
    UNWIND CASE WHEN coauthor_out THEN kept.RESEARCHER ELSE [] END AS x
    WITH x.node AS a, x.id AS source
    MATCH (a)-[r:COAUTHOR]->(b)
    WHERE b IN shown.RESEARCHER
    RETURN source, b.id AS target, r
    UNION ALL
    UNWIND CASE WHEN coauthor_out THEN [] ELSE kept.RESEARCHER END AS x
    WITH x.node AS b, x.id AS target
    MATCH (b)<-[r:COAUTHOR]-(a)
    WHERE a IN shown.RESEARCHER
    RETURN a.id AS source, target, r
  }
  RETURN collect([source, target, type(r), CASE type(r)
         WHEN 'COAUTHOR' THEN toFloat(r.works)
         WHEN 'AFFILIATED_WITH' THEN toFloat(r.works)
         WHEN 'CO_OCCURS' THEN toFloat(r.papers)
         WHEN 'HAS_TOPIC' THEN toFloat(coalesce(r.score, 1.0))
         ELSE 1.0
       END]) AS among
}
RETURN
  {id: center, label: coalesce(n.title, n.name, center),
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
  [g IN groups | {type: g.type, remaining: g.total - size(g.kept), at_most: g.total - size(g.kept),
                  exact: true,
                  kept: [x IN g.kept | [x.id, coalesce(x.node.title, x.node.name, x.id), x.weight]]}]
    AS groups,
  // the centre's edges, read with the nodes kept: the other end is the kept node
  among + reduce(edges = [], g IN groups | edges + reduce(es = [], x IN g.kept | es + coalesce(x.edges,
    [r IN x.rels | [CASE WHEN startNode(r) = n THEN center ELSE x.id END,
                    CASE WHEN endNode(r) = n THEN center ELSE x.id END,
                    type(r), CASE type(r)
         WHEN 'COAUTHOR' THEN toFloat(r.works)
         WHEN 'AFFILIATED_WITH' THEN toFloat(r.works)
         WHEN 'CO_OCCURS' THEN toFloat(r.papers)
         WHEN 'HAS_TOPIC' THEN toFloat(coalesce(r.score, 1.0))
         ELSE 1.0
       END]]))) AS edges
