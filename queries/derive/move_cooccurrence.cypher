// derive/move_cooccurrence: moves CO_OCCURS edges by the change of an ingest batch, one row per
// pair of topics (a < b) with the change of its paper count; an edge left with no papers is
// deleted. Only the pairs of the papers that changed are touched, never a topic's other pairs.
// Returns: moved
/*
:params {pairs: [{a: "T1", b: "T2", papers: 1}]}
*/
UNWIND $pairs AS row
MATCH (a:Topic {id: row.a}), (b:Topic {id: row.b})
MERGE (a)-[c:CO_OCCURS]->(b)
WITH c, coalesce(c.papers, 0) + row.papers AS papers
CALL (c, papers) {
  WITH c WHERE papers <= 0
  DELETE c
}
WITH c, papers WHERE papers > 0
SET c.papers = papers
RETURN count(*) AS moved
