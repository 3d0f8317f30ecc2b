// ingest/paper_topics: makes each paper's HAS_TOPIC edges exactly those of its record.
// Returns: removed_topic_ids (topics that lost a paper: their derived edges need refreshing)
/*
:params {papers: [{id: "W1", topics: [{id: "T10965", score: 0.99, primary: true}]}]}
*/
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
CALL (p, row) {
  MATCH (p)-[old:HAS_TOPIC]->(t:Topic)
  WHERE NONE(x IN row.topics WHERE x.id = t.id)
  DELETE old
  RETURN collect(t.id) AS removed
}
CALL (p, row) {
  UNWIND row.topics AS assignment
  MATCH (t:Topic {id: assignment.id})
  MERGE (p)-[h:HAS_TOPIC]->(t)
  SET h.score = assignment.score, h.primary = assignment.primary
}
UNWIND removed AS removed_id
RETURN collect(DISTINCT removed_id) AS removed_topic_ids
