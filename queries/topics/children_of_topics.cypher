// topics/children_of_topics: the topics directly under each topic (SUBTOPIC_OF), by name then id.
// Returns: of_id, children [{id, name, level}] (no row for a topic not in the graph)
/*
:params {topic_ids: ["subfields/1904"]}
*/
UNWIND $topic_ids AS of_id
MATCH (t:Topic {id: of_id})
CALL (t) {
  OPTIONAL MATCH (c:Topic)-[:SUBTOPIC_OF]->(t)
  WITH c
  ORDER BY c.name, c.id
  RETURN collect(c {.id, .name, .level}) AS children
}
RETURN of_id, children
