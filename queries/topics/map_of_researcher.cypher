// topics/map_of_researcher: the topics (level "topic") of one researcher's works, most works
// first, for the topic map. No row when the researcher is not in the graph.
// Returns: topics [{id, papers}]
/*
:params {researcher_id: "A5085007251", first: 40}
*/
MATCH (r:Researcher {id: $researcher_id})
CALL (r) {
  OPTIONAL MATCH (r)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
  WHERE t.level = 'topic'
  WITH t, count(DISTINCT p) AS papers
  WHERE t IS NOT NULL
  ORDER BY papers DESC, t.id
  LIMIT $first
  RETURN collect({id: t.id, papers: papers}) AS topics
}
RETURN topics
