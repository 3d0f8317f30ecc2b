// ingest/paper_topics: makes each paper's HAS_TOPIC edges exactly those of its record.
// (Which topics lost or gained a paper is known from ingest/paper_states, read before.)
// Returns: papers
/*
:params {papers: [{id: "W1", topics: [{id: "T10965", score: 0.99, primary: true}]}]}
*/
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
CALL (p, row) {
  MATCH (p)-[old:HAS_TOPIC]->(t:Topic)
  WHERE NONE(x IN row.topics WHERE x.id = t.id)
  DELETE old
}
CALL (p, row) {
  UNWIND row.topics AS assignment
  MATCH (t:Topic {id: assignment.id})
  MERGE (p)-[h:HAS_TOPIC]->(t)
  SET h.score = assignment.score, h.primary = assignment.primary
}
RETURN count(DISTINCT p) AS papers
