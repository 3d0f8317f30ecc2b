// topics/researchers_of_topics: the researchers with works on each topic or any topic under it,
// most such works first (then id), after a keyset cursor ($after_key: [works, id], or null), at
// most $limit each. Expands from each topic only.
// Returns: of_id, researcher_id, sort_key, total
/*
:params {topic_ids: ["T10399"], after_key: null, limit: 21}
*/
UNWIND $topic_ids AS of_id
MATCH (t:Topic {id: of_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  MATCH (r:Researcher)-[:AUTHORED]->(p)
  WITH r, count(p) AS works
  RETURN collect([works, r.id]) AS people
}
CALL (people) {
  UNWIND people AS person
  WITH person[0] AS sort_key, person[1] AS researcher_id
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND researcher_id > $after_key[1])
  RETURN researcher_id, sort_key
  ORDER BY sort_key DESC, researcher_id
  LIMIT $limit
}
RETURN of_id, researcher_id, sort_key, size(people) AS total
