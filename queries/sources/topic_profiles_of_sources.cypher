// sources/topic_profiles_of_sources: each source's topics at $level (topic, subfield, field or
// domain): its papers under each topic (one of a paper's topics is it or lies under it, as
// topics/profiles), most first (then id), the first $first; works is the source's paper count.
// Returns: of_id, works, topics [{id, name, level, works}]
/*
:params {source_ids: ["S36808561"], level: "topic", first: 10}
*/
UNWIND $source_ids AS of_id
MATCH (s:Source {id: of_id})
CALL (s) {
  MATCH (s)<-[:PUBLISHED_IN]-(p:Paper)-[:HAS_TOPIC]->(:Topic)-[:SUBTOPIC_OF*0..3]->(t:Topic)
  WHERE t.level = $level
  WITH t, count(DISTINCT p) AS topic_works
  ORDER BY topic_works DESC, t.id
  LIMIT $first
  RETURN collect({id: t.id, name: t.name, level: t.level, works: topic_works}) AS topics
}
RETURN of_id, COUNT { (s)<-[:PUBLISHED_IN]-() } AS works, topics
