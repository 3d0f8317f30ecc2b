// best_connected_of_each_kind: the $count best-connected nodes of each kind a neighbourhood can be
// centred on (bench.neighbourhood_same's centres; whole-label scans, a benchmark's setup):
// researchers by COAUTHOR edges, papers by CITES, topics, subfields, fields, institutions and
// sources by all their edges; ties by id.
// Returns: kind, id (one row a node)
/*
:params {count: 3}
*/
CALL () {
  MATCH (c:Researcher)
  WITH c ORDER BY COUNT { (c)-[:COAUTHOR]-() } DESC, c.id LIMIT $count
  RETURN 'researcher' AS kind, c.id AS id
  UNION ALL
  MATCH (c:Paper)
  WITH c ORDER BY COUNT { (c)-[:CITES]-() } DESC, c.id LIMIT $count
  RETURN 'paper' AS kind, c.id AS id
  UNION ALL
  UNWIND ['T', 'subfields/', 'fields/'] AS prefix
  CALL (prefix) {
    MATCH (c:Topic) WHERE c.id STARTS WITH prefix
    WITH c ORDER BY COUNT { (c)--() } DESC, c.id LIMIT $count
    RETURN c
  }
  RETURN 'topic ' + prefix AS kind, c.id AS id
  UNION ALL
  MATCH (c:Institution)
  WITH c ORDER BY COUNT { (c)--() } DESC, c.id LIMIT $count
  RETURN 'institution' AS kind, c.id AS id
  UNION ALL
  MATCH (c:Source)
  WITH c ORDER BY COUNT { (c)--() } DESC, c.id LIMIT $count
  RETURN 'source' AS kind, c.id AS id
}
RETURN kind, id
