// topics/children: the topics directly under a topic (SUBTOPIC_OF), by name then id.
// Returns: children [{id, name, level}] (no row when the topic is not in the graph)
/*
:params {topic_id: "subfields/1904"}
*/
MATCH (t:Topic {id: $topic_id})
CALL (t) {
  OPTIONAL MATCH (c:Topic)-[:SUBTOPIC_OF]->(t)
  WITH c
  ORDER BY c.name, c.id
  RETURN collect(c {.id, .name, .level}) AS children
}
RETURN children
