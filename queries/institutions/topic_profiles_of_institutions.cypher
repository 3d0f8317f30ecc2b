// institutions/topic_profiles_of_institutions: each institution's topics at $level (topic,
// subfield, field or domain): its papers (as institutions/papers_of_institutions) under each topic
// (one of a paper's topics is it or lies under it, as topics/profiles), most first (then id), the
// first $first; works is the institution's paper count.
// Returns: of_id, works, topics [{id, name, level, works}]
/*
:params {institution_ids: ["I134085113"], level: "topic", first: 10}
*/
UNWIND $institution_ids AS of_id
MATCH (i:Institution {id: of_id})
CALL (i) {
  MATCH (i)<-[:AFFILIATED_WITH]-(:Researcher)-[a:AUTHORED]->(p:Paper)
  WHERE i.id IN a.institution_ids
  WITH DISTINCT p
  RETURN collect(p) AS papers
}
CALL (papers) {
  UNWIND papers AS p
  MATCH (p)-[:HAS_TOPIC]->(:Topic)-[:SUBTOPIC_OF*0..3]->(t:Topic)
  WHERE t.level = $level
  WITH t, count(DISTINCT p) AS topic_works
  ORDER BY topic_works DESC, t.id
  LIMIT $first
  RETURN collect({id: t.id, name: t.name, level: t.level, works: topic_works}) AS topics
}
RETURN of_id, size(papers) AS works, topics
