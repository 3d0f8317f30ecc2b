// topics/profiles: for each researcher, the topics of one level their works fall under (a work
// counts for a topic if one of its topics is that topic or lies under it), most works first, and
// the number of their works. Researchers not in the graph give no row.
// Returns: id, works, topics [{id, name, level, works}]
/*
:params {researcher_ids: ["A5023888391"], level: "topic", first: 10}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p:Paper)
  RETURN count(p) AS works
}
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(:Topic)-[:SUBTOPIC_OF*0..3]->(x:Topic)
  WHERE x.level = $level
  WITH x, count(DISTINCT p) AS topic_works
  ORDER BY topic_works DESC, x.id
  LIMIT $first
  RETURN collect({id: x.id, name: x.name, level: x.level, works: topic_works}) AS topics
}
RETURN r.id AS id, works, topics
