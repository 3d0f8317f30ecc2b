// readmodel/novelty_holders: the papers with a topic pair (a stored margin or flag) holding one
// of the given topics, or both topics of one of the given pairs: the small topics and pairs a
// batch moved, whose papers it re-decides directly (kg/ingest/novelty.py). Expands from each
// topic; from a pair's topic with fewer papers, checking the other.
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
  WITH CASE WHEN COUNT { (a)<-[:HAS_TOPIC]-() } <= COUNT { (b)<-[:HAS_TOPIC]-() }
            THEN [a, b] ELSE [b, a] END AS ends
  WITH ends[0] AS small, ends[1] AS other
  MATCH (small)<-[:HAS_TOPIC]-(p:Paper)
  WHERE (p)-[:HAS_TOPIC]->(other) AND (p.novelty_margin IS NOT NULL OR p.novel)
  RETURN p
}
RETURN p.id AS id
