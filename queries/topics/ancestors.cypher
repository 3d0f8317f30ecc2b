// topics/ancestors: for each topic, its ancestors along SUBTOPIC_OF, nearest first
// (topic -> subfield -> field -> domain). Topics not in the graph give no row.
// Returns: id, ancestors [{id, name, level}]
/*
:params {topic_ids: ["T10965"]}
*/
UNWIND $topic_ids AS topic_id
MATCH (t:Topic {id: topic_id})
CALL (t) {
  OPTIONAL MATCH path = (t)-[:SUBTOPIC_OF*1..5]->(a:Topic)
  WITH a, length(path) AS distance
  ORDER BY distance
  RETURN collect(a {.id, .name, .level}) AS ancestors
}
RETURN t.id AS id, ancestors
