// derive/move_partners: moves PARTNER edges by the change of an ingest batch, one row per pair of
// institutions (a < b) with the change of their co-authored works; an edge left with no works is
// deleted. Only the pairs of the papers that changed are touched, each found by its key (pair =
// 'a|b', index partner_pair: a seek, not an expansion of a hub institution's edges); a pair that
// gains works and has no edge yet gets one.
// Returns: moved
/*
:params {pairs: [{a: "I1", b: "I2", works: 1}]}
*/
UNWIND $pairs AS row
OPTIONAL MATCH ()-[found:PARTNER {pair: row.a + '|' + row.b}]->()
OPTIONAL CALL (row, found) {
  WITH row WHERE found IS NULL AND row.works > 0
  MATCH (a:Institution {id: row.a}), (b:Institution {id: row.b})
  CREATE (a)-[c:PARTNER {pair: row.a + '|' + row.b}]->(b)
  RETURN c AS created
}
WITH row, coalesce(found, created) AS c
WHERE c IS NOT NULL
WITH c, coalesce(c.works, 0) + row.works AS works
CALL (c, works) {
  WITH c WHERE works <= 0
  DELETE c
}
WITH c, works WHERE works > 0
SET c.works = works
RETURN count(*) AS moved
