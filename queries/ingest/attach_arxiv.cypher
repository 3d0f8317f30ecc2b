// ingest/attach_arxiv: adds an arXiv record to the Paper of the OpenAlex work it is: the merged
// fields, its categories as HAS_TOPIC edges (category topics it no longer lists are dropped).
// The paper no longer is what its OpenAlex record alone gives, so its digest is cleared (the
// record's next ingest rewrites it: ingest/unchanged_papers).
// Returns: attached (derived edges and figures move by the facts read before and after)
/*
:params {papers: [{id: "W4223477124", props: {categories: ["cs.LG"], arxiv_id: "2204.05114"}, topics: [{id: "arxiv:cs.LG", score: null, primary: false}]}]}
*/
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
SET p += row.props, p.digest = null
WITH p, row
CALL (p, row) {
  MATCH (p)-[old:HAS_TOPIC]->(t:Topic)
  WHERE t.id STARTS WITH 'arxiv:' AND NONE(x IN row.topics WHERE x.id = t.id)
  DELETE old
}
CALL (p, row) {
  UNWIND row.topics AS assignment
  MATCH (t:Topic {id: assignment.id})
  MERGE (p)-[h:HAS_TOPIC]->(t)
  SET h.score = assignment.score, h.primary = assignment.primary
}
RETURN count(DISTINCT p) AS attached
