// readmodel/novelty_holders: the papers with a topic pair (a stored margin or flag) holding one
// of the given topics, or both topics of one of the given pairs: the small topics and pairs a
// batch moved, whose papers it re-decides directly (kg/ingest/novelty.py). Expands from each
// topic.
// Returns: id
/*
:params {topic_ids: ["T10965"], pairs: [["T10965", "T11636"]]}
*/
CALL () {
  UNWIND $topic_ids AS topic_id
  MATCH (:Topic {id: topic_id})<-[:HAS_TOPIC]-(p:Paper)
  WHERE p.novelty_margin IS NOT NULL OR p.novel
  RETURN p
  UNION
  UNWIND $pairs AS pair
  MATCH (a:Topic {id: pair[0]}), (b:Topic {id: pair[1]})
  MATCH (a)<-[:HAS_TOPIC]-(p:Paper)-[:HAS_TOPIC]->(b)
  WHERE p.novelty_margin IS NOT NULL OR p.novel
  RETURN p
}
RETURN p.id AS id
