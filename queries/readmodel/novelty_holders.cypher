// readmodel/novelty_holders: the papers with a topic pair (a stored margin or flag) holding one
// of the given topics, or both topics of one of the given pairs: the small topics and pairs a
// batch moved, whose papers it re-decides directly (kg/ingest/novelty.py). Expands from each
// topic; for the pairs, once from each topic that is the one with fewer papers of some pairs,
// checking each paper's own few topics against those pairs' other ends (not a check per pair
// and paper: the pairs a batch moves share their smaller topics, each with hundreds of papers).
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
  WITH ends[0] AS small, collect(ends[1]) AS others
  MATCH (small)<-[:HAS_TOPIC]-(p:Paper)
  WHERE (p.novelty_margin IS NOT NULL OR p.novel)
    AND any(t IN [(p)-[:HAS_TOPIC]->(t) | t] WHERE t IN others)
  RETURN p
}
RETURN p.id AS id
