// derive/move_partners: moves PARTNER edges by the change of an ingest batch, one row per pair of
// institutions (a < b) with the change of their co-authored works; an edge left with no works is
// deleted. Only the pairs of the papers that changed are touched.
// Returns: moved
/*
:params {pairs: [{a: "I1", b: "I2", works: 1}]}
*/
UNWIND $pairs AS row
MATCH (a:Institution {id: row.a}), (b:Institution {id: row.b})
MERGE (a)-[c:PARTNER]->(b)
WITH c, coalesce(c.works, 0) + row.works AS works
CALL (c, works) {
  WITH c WHERE works <= 0
  DELETE c
}
WITH c, works WHERE works > 0
SET c.works = works
RETURN count(*) AS moved
