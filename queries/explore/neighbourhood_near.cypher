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
// Depth 1, one group a type, each ranked in its own subquery (a row passes only the operators
// of its own group): the hierarchy (SUBTOPIC_OF, PART_OF) first, then by the strength of the
// edge (shared works; a paper's topics by HAS_TOPIC score; co-occurring papers), else by the
// neighbour's weight (papers by citations, authors by works, venues by papers). Each
// (relationship type, direction) reaches one label, so a neighbour's type comes from its edge
// and no label is read; a type not wanted expands nothing and keeps an empty group.
CALL (n) {
  WITH n WHERE 'PAPER' IN $types
  CALL (n) {
    MATCH (n)-[r:AUTHORED|CITES]->(m)
    RETURN m, r
    UNION ALL
    MATCH (n)<-[r:HAS_TOPIC|CITES|PUBLISHED_IN]-(m)
    RETURN m, r
  }
  WITH m, r WHERE m <> n
  WITH m, collect(r) AS rels
  WITH m, rels, coalesce(m.citations,
         CASE WHEN COUNT { (m)<-[:CITES]-() } > coalesce(m.cited_by_count, 0)
              THEN COUNT { (m)<-[:CITES]-() } ELSE coalesce(m.cited_by_count, 0) END) AS weight
  WITH m, m.id AS id, rels, weight
  ORDER BY weight DESC, id
  RETURN collect({node: m, id: id, weight: weight, rels: rels}) AS papers
}
CALL (n, stored) {
  WITH n WHERE 'RESEARCHER' IN $types AND NOT stored
  CALL (n) {
    MATCH (n)<-[r:AUTHORED]-(m)
    RETURN m, r, null AS strength
    UNION ALL
    MATCH (n)-[r:COAUTHOR]-(m)
    RETURN m, r, toFloat(r.works) AS strength
    UNION ALL
    MATCH (n)<-[r:AFFILIATED_WITH]-(m)
    RETURN m, r, toFloat(r.works) AS strength
  }
  WITH m, r, strength WHERE m <> n
  WITH m, max(strength) AS strength, collect(r) AS rels
  WITH m, strength, rels, coalesce(m.works, COUNT { (m)-[:AUTHORED]->() }) AS weight
  WITH m, m.id AS id, strength, rels, weight
  ORDER BY coalesce(strength, toFloat(weight)) DESC, id
  RETURN collect({node: m, id: id, weight: weight, rels: rels}) AS researchers
}
CALL (n) {
  WITH n WHERE 'TOPIC' IN $types
  CALL (n) {
    MATCH (n)-[r:SUBTOPIC_OF]-(m)
    RETURN m, r, 1 AS priority, null AS strength
    UNION ALL
    MATCH (n)-[r:HAS_TOPIC]->(m)
    RETURN m, r, 0 AS priority, toFloat(r.score) AS strength
    UNION ALL
    MATCH (n)-[r:CO_OCCURS]-(m)
    RETURN m, r, 0 AS priority, toFloat(r.papers) AS strength
  }
  WITH m, r, priority, strength WHERE m <> n
  WITH m, max(priority) AS priority, max(strength) AS strength, collect(r) AS rels
  WITH m, priority, strength, rels,
       CASE WHEN m.papers IS NOT NULL AND NOT EXISTS { (m)<-[:SUBTOPIC_OF]-() } THEN m.papers
            ELSE COUNT { MATCH (m)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p)
                         RETURN DISTINCT p } END AS weight
  WITH m, m.id AS id, priority, strength, rels, weight
  ORDER BY priority DESC, coalesce(strength, toFloat(weight)) DESC, id
  RETURN collect({node: m, id: id, weight: weight, rels: rels}) AS topics
}
CALL (n) {
  WITH n WHERE 'INSTITUTION' IN $types
  CALL (n) {
    MATCH (n)-[r:PART_OF]-(m)
    RETURN m, r, 1 AS priority, null AS strength
    UNION ALL
    MATCH (n)-[r:AFFILIATED_WITH]->(m)
    RETURN m, r, 0 AS priority, toFloat(r.works) AS strength
  }
  WITH m, r, priority, strength WHERE m <> n
  WITH m, max(priority) AS priority, max(strength) AS strength, collect(r) AS rels
  WITH m, priority, strength, rels, COUNT { (m)<-[:AFFILIATED_WITH]-() } AS weight
  WITH m, m.id AS id, priority, strength, rels, weight
  ORDER BY priority DESC, coalesce(strength, toFloat(weight)) DESC, id
  RETURN collect({node: m, id: id, weight: weight, rels: rels}) AS institutions
}
CALL (n) {
  WITH n WHERE 'SOURCE' IN $types
  MATCH (n)-[r:PUBLISHED_IN]->(m)
  WHERE m <> n
  WITH m, collect(r) AS rels
  WITH m, m.id AS id, rels, COUNT { (m)<-[:PUBLISHED_IN]-() } AS weight
  ORDER BY weight DESC, id
  RETURN collect({node: m, id: id, weight: weight, rels: rels}) AS sources
}
// A researcher centre's RESEARCHER group (its co-authors) when `stored`: each kept co-author
// sought by id, its count read from the degree.
CALL (n, center, stored) {
  UNWIND CASE WHEN stored THEN range(0, $cap - 1) ELSE [] END AS at
  WITH n, center, at, n.top_coauthors[at] AS id
  MATCH (m:Researcher {id: id})
  WITH center, at, m, id, n.top_coauthor_works[at] AS works
  ORDER BY at
  RETURN collect({node: m, id: id, weight: coalesce(m.works, COUNT { (m)-[:AUTHORED]->() }),
                  edges: [[CASE WHEN center < id THEN center ELSE id END,
                           CASE WHEN center < id THEN id ELSE center END,
                           'COAUTHOR', toFloat(works)]]}) AS stored_coauthors
}
WITH n, center,
     {PAPER: {type: 'PAPER', kept: papers[0..$cap], total: size(papers)},
      RESEARCHER: CASE WHEN stored
                       THEN {type: 'RESEARCHER', kept: stored_coauthors,
                             total: COUNT { (n)-[:COAUTHOR]-() }}
                       ELSE {type: 'RESEARCHER', kept: researchers[0..$cap],
                             total: size(researchers)} END,
      TOPIC: {type: 'TOPIC', kept: topics[0..$cap], total: size(topics)},
      INSTITUTION: {type: 'INSTITUTION', kept: institutions[0..$cap], total: size(institutions)},
      SOURCE: {type: 'SOURCE', kept: sources[0..$cap], total: size(sources)}} AS by_type
// One group a wanted type, in the order of $types; the nodes shown by type, and their ids.
WITH n, center, [kind IN $types | by_type[kind]] AS groups,
     {PAPER: [x IN by_type.PAPER.kept | x.node], RESEARCHER: [x IN by_type.RESEARCHER.kept | x.node],
      TOPIC: [x IN by_type.TOPIC.kept | x.node], INSTITUTION: [x IN by_type.INSTITUTION.kept | x.node],
      SOURCE: [x IN by_type.SOURCE.kept | x.node]} AS shown,
     {PAPER: by_type.PAPER.kept, RESEARCHER: by_type.RESEARCHER.kept, TOPIC: by_type.TOPIC.kept,
      INSTITUTION: by_type.INSTITUTION.kept, SOURCE: by_type.SOURCE.kept} AS kept
WITH n, center, groups, shown, kept, shown.PAPER + shown.TOPIC + shown.SOURCE AS paper_ends
// Edges: every edge between two different nodes shown, each kind in its own subquery. The
// centre's were read at depth 1 (its neighbours shown are the nodes kept; a stored list's
// co-authors come with their edge: COAUTHOR runs from the smaller id, its weight is the shared
// works). A shown node's type is its group's (the edge that reached it fixes its label: no label
// is read), and each (relationship type, direction) reaches one label, so each edge type is
// expanded only from the shown nodes of its start type, only when its end type has shown nodes,
// and its far end is sought among the shown nodes of the end type (a paper's CITES, HAS_TOPIC and
// PUBLISHED_IN in one expansion when topics or venues are shown: a dense paper's relationship
// groups are read once, not once a type). They are found from their start node, whose id comes
// with it (the hubs of this model are at the end of edges: cited papers, topics, venues,
// institutions), except AUTHORED, found from the papers shown (a paper has a few authors, a
// prolific author thousands of papers), and COAUTHOR and CO_OCCURS (one edge per pair, from the
// smaller id), found from whichever end has fewer of them over the nodes shown (degree reads).
CALL (shown) {
  UNWIND shown.RESEARCHER AS a
  RETURN sum(COUNT { (a)-[:COAUTHOR]->() }) <= sum(COUNT { (a)<-[:COAUTHOR]-() }) AS coauthor_out
}
CALL (shown) {
  UNWIND shown.TOPIC AS a
  RETURN sum(COUNT { (a)-[:CO_OCCURS]->() }) <= sum(COUNT { (a)<-[:CO_OCCURS]-() }) AS co_occurs_out
}
CALL (shown, kept) {
  UNWIND CASE WHEN size(shown.INSTITUTION) > 1 THEN kept.INSTITUTION ELSE [] END AS x
  WITH x.node AS a, x.id AS source
  MATCH (a)-[:PART_OF]->(b)
  WHERE b <> a AND b IN shown.INSTITUTION
  RETURN collect([source, b.id, 'PART_OF', 1.0]) AS part_of
}
CALL (shown, kept) {
  UNWIND CASE WHEN size(shown.TOPIC) > 1 THEN kept.TOPIC ELSE [] END AS x
  WITH x.node AS a, x.id AS source
  MATCH (a)-[:SUBTOPIC_OF]->(b)
  WHERE b <> a AND b IN shown.TOPIC
  RETURN collect([source, b.id, 'SUBTOPIC_OF', 1.0]) AS subtopic_of
}
CALL (shown, kept) {
  UNWIND CASE WHEN size(shown.INSTITUTION) > 0 THEN kept.RESEARCHER ELSE [] END AS x
  WITH x.node AS a, x.id AS source
  MATCH (a)-[r:AFFILIATED_WITH]->(b)
  WHERE b IN shown.INSTITUTION
  RETURN collect([source, b.id, 'AFFILIATED_WITH', toFloat(r.works)]) AS affiliated_with
}
CALL (shown, kept) {
  UNWIND CASE WHEN size(shown.PAPER) > 1 AND size(shown.TOPIC) + size(shown.SOURCE) = 0
              THEN kept.PAPER ELSE [] END AS x
  WITH x.node AS a, x.id AS source
  MATCH (a)-[:CITES]->(b)
  WHERE b <> a AND b IN shown.PAPER
  RETURN collect([source, b.id, 'CITES', 1.0]) AS cites
}
CALL (shown, kept, paper_ends) {
  UNWIND CASE WHEN size(shown.TOPIC) + size(shown.SOURCE) > 0 THEN kept.PAPER ELSE [] END AS x
  WITH x.node AS a, x.id AS source
  MATCH (a)-[r:CITES|HAS_TOPIC|PUBLISHED_IN]->(b)
  WHERE b <> a AND b IN paper_ends
  RETURN collect([source, b.id, type(r), CASE type(r) WHEN 'HAS_TOPIC'
                                         THEN toFloat(coalesce(r.score, 1.0)) ELSE 1.0 END])
         AS from_papers
}
CALL (shown, kept, co_occurs_out) {
  UNWIND CASE WHEN co_occurs_out THEN kept.TOPIC ELSE [] END AS x
  WITH x.node AS a, x.id AS source
  MATCH (a)-[r:CO_OCCURS]->(b)
  WHERE b IN shown.TOPIC
  RETURN collect([source, b.id, 'CO_OCCURS', toFloat(r.papers)]) AS co_occurs_from
}
CALL (shown, kept, co_occurs_out) {
  UNWIND CASE WHEN co_occurs_out THEN [] ELSE kept.TOPIC END AS x
  WITH x.node AS b, x.id AS target
  MATCH (b)<-[r:CO_OCCURS]-(a)
  WHERE a IN shown.TOPIC
  RETURN collect([a.id, target, 'CO_OCCURS', toFloat(r.papers)]) AS co_occurs_to
}
CALL (shown, kept) {
  UNWIND CASE WHEN size(shown.RESEARCHER) > 0 THEN kept.PAPER ELSE [] END AS x
  WITH x.node AS b, x.id AS target
  MATCH (b)<-[:AUTHORED]-(a)
  WHERE a IN shown.RESEARCHER
  RETURN collect([a.id, target, 'AUTHORED', 1.0]) AS authored
}
CALL (shown, kept, coauthor_out) {
  UNWIND CASE WHEN coauthor_out THEN kept.RESEARCHER ELSE [] END AS x
  WITH x.node AS a, x.id AS source
  MATCH (a)-[r:COAUTHOR]->(b)
  WHERE b IN shown.RESEARCHER
  RETURN collect([source, b.id, 'COAUTHOR', toFloat(r.works)]) AS coauthor_from
}
CALL (shown, kept, coauthor_out) {
  UNWIND CASE WHEN coauthor_out THEN [] ELSE kept.RESEARCHER END AS x
  WITH x.node AS b, x.id AS target
  MATCH (b)<-[r:COAUTHOR]-(a)
  WHERE a IN shown.RESEARCHER
  RETURN collect([a.id, target, 'COAUTHOR', toFloat(r.works)]) AS coauthor_to
}
WITH n, center, groups, part_of + subtopic_of + affiliated_with + cites + from_papers
                        + co_occurs_from + co_occurs_to + authored + coauthor_from + coauthor_to
                        AS among
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
