// explore/neighbourhood: the typed nodes and edges around any node (Paper, Researcher, Topic,
// Institution, Source) to depth 1 or 2, at most $cap nodes of each wanted type besides the
// centre, most relevant first, with how many nodes of each type were left out, and every edge
// between the nodes shown. Ranking and weights are described in docs/services.md.
// Returns: center {id, type, label, weight}, groups [{type, kept [{id, label, weight}], remaining}],
//          edges [{source, target, type, weight}]
/*
:params {id: "A5023888391", depth: 1, types: ["PAPER", "RESEARCHER", "TOPIC", "INSTITUTION", "SOURCE"], cap: 25}
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
// Depth 1: the hierarchy (SUBTOPIC_OF, PART_OF) first, then by the strength of the edge
// (shared works; a paper's topics by HAS_TOPIC score; co-occurring papers), else by the
// neighbour's weight (papers by citations, authors by works, venues by papers).
CALL (n) {
  MATCH (n)-[r:AUTHORED|COAUTHOR|AFFILIATED_WITH|HAS_TOPIC|CO_OCCURS|CITES|PUBLISHED_IN|PART_OF|SUBTOPIC_OF]-(m)
  WHERE m <> n
  WITH m, r,
       CASE WHEN m:Paper THEN 'PAPER' WHEN m:Researcher THEN 'RESEARCHER'
            WHEN m:Topic THEN 'TOPIC' WHEN m:Institution THEN 'INSTITUTION'
            ELSE 'SOURCE' END AS kind
  WHERE kind IN $types
  WITH m, kind,
       max(CASE WHEN type(r) IN ['SUBTOPIC_OF', 'PART_OF'] THEN 1 ELSE 0 END) AS priority,
       max(CASE
             WHEN type(r) IN ['COAUTHOR', 'AFFILIATED_WITH'] THEN toFloat(r.works)
             WHEN type(r) = 'CO_OCCURS' THEN toFloat(r.papers)
             WHEN type(r) = 'HAS_TOPIC' AND m:Topic THEN toFloat(r.score)
           END) AS strength
  WITH m, kind, priority, strength,
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
  WITH kind, collect({node: m, weight: weight}) AS ranked
  RETURN collect({type: kind, kept: ranked[0..$cap], total: size(ranked)}) AS near
}
// Depth 2: the nodes linked to the depth-1 nodes kept that are neither the centre nor one of its
// neighbours, with how many kept nodes each is linked to (links). One pass over the edges of the
// kept nodes and of the centre, grouped by node: a node reached from the centre is one of its
// neighbours (no list membership test per candidate). Every candidate is counted; only the types
// with room left after depth 1 are ranked (most links first, then weight, then id), and weights
// are read only for the candidates that can still be among the first `room` of their type (links
// at least those of the `room`-th by links).
WITH n, near, reduce(nodes = [], g IN near | nodes + [x IN g.kept | x.node]) AS kept_near
CALL (n, near, kept_near) {
  CALL (n, kept_near) {
    UNWIND CASE WHEN $depth = 2 THEN kept_near ELSE [] END AS k
    MATCH (k)-[:AUTHORED|COAUTHOR|AFFILIATED_WITH|HAS_TOPIC|CO_OCCURS|CITES|PUBLISHED_IN|PART_OF|SUBTOPIC_OF]-(m)
    WHERE m <> n
    RETURN m, k
    UNION ALL
    WITH n WHERE $depth = 2
    MATCH (n)-[:AUTHORED|COAUTHOR|AFFILIATED_WITH|HAS_TOPIC|CO_OCCURS|CITES|PUBLISHED_IN|PART_OF|SUBTOPIC_OF]-(m)
    RETURN m, null AS k
  }
  WITH m, count(*) > count(k) AS around, count(DISTINCT k) AS links
  WHERE NOT around
  WITH m, links,
       CASE WHEN m:Paper THEN 'PAPER' WHEN m:Researcher THEN 'RESEARCHER'
            WHEN m:Topic THEN 'TOPIC' WHEN m:Institution THEN 'INSTITUTION'
            ELSE 'SOURCE' END AS kind
  WHERE kind IN $types
  WITH kind, $cap - size(head([g IN near WHERE g.type = kind | g.kept] + [[]])) AS room, m, links
  WITH kind, room, count(m) AS total,
       collect(CASE WHEN room > 0 THEN {node: m, links: links} END) AS candidates
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
  RETURN collect({type: kind, ranked: ranked, total: total}) AS far
}
// Per type: the depth-1 nodes kept, then depth-2 nodes up to the cap; the rest is counted.
UNWIND $types AS kind
WITH n, kind, [g IN near WHERE g.type = kind] AS g1, [g IN far WHERE g.type = kind] AS g2
WITH n, kind,
     CASE WHEN size(g1) > 0 THEN g1[0].kept ELSE [] END AS kept1,
     CASE WHEN size(g1) > 0 THEN g1[0].total ELSE 0 END AS total1,
     CASE WHEN size(g2) > 0 THEN g2[0].ranked ELSE [] END AS ranked2,
     CASE WHEN size(g2) > 0 THEN g2[0].total ELSE 0 END AS total2
WITH n, kind, kept1 + ranked2[0..($cap - size(kept1))] AS kept, total1 + total2 AS total
WITH n, collect({type: kind, kept: kept, remaining: total - size(kept)}) AS groups
WITH n, groups, [n] + reduce(nodes = [], g IN groups | nodes + [x IN g.kept | x.node]) AS shown
// Edges: every edge between two different nodes shown, found from its start node (the hubs of
// this model are at the end of edges: cited papers, topics, venues, institutions), except
// AUTHORED, found from the paper (a paper has a few authors, a prolific author thousands of
// papers).
CALL (shown) {
  CALL (shown) {
    UNWIND shown AS a
    MATCH (a)-[r:COAUTHOR|AFFILIATED_WITH|HAS_TOPIC|CO_OCCURS|CITES|PUBLISHED_IN|PART_OF|SUBTOPIC_OF]->(b)
    WHERE b <> a AND b IN shown
    RETURN r
    UNION ALL
    UNWIND shown AS b
    MATCH (b)<-[r:AUTHORED]-(a)
    WHERE a IN shown
    RETURN r
  }
  RETURN collect({
    source: startNode(r).id, target: endNode(r).id, type: type(r),
    weight: CASE type(r)
              WHEN 'COAUTHOR' THEN toFloat(r.works)
              WHEN 'AFFILIATED_WITH' THEN toFloat(r.works)
              WHEN 'CO_OCCURS' THEN toFloat(r.papers)
              WHEN 'HAS_TOPIC' THEN toFloat(coalesce(r.score, 1.0))
              ELSE 1.0
            END
  }) AS edges
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
  [g IN groups | {type: g.type, remaining: g.remaining,
                  kept: [x IN g.kept | {id: x.node.id, label: coalesce(x.node.title, x.node.name, x.node.id), weight: x.weight}]}] AS groups,
  edges
