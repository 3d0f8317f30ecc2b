// ingest/authorships: makes each paper's AUTHORED edges exactly those of its record, with
// position, is_corresponding and the institutions of the authorship; stores the author count.
// (Who lost or gained a paper is known from ingest/paper_states, read before.)
// Returns: papers
/*
:params {papers: [{id: "W1", authorships: [{researcher_id: "A1", position: "first", is_corresponding: true, institution_ids: ["I1"]}]}]}
*/
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
SET p.author_count = size(row.authorships)
WITH p, row
CALL (p, row) {
  MATCH (r:Researcher)-[old:AUTHORED]->(p)
  WHERE NONE(x IN row.authorships WHERE x.researcher_id = r.id)
  DELETE old
}
CALL (p, row) {
  UNWIND row.authorships AS authorship
  MATCH (r:Researcher {id: authorship.researcher_id})
  MERGE (r)-[a:AUTHORED]->(p)
  SET a.position = authorship.position, a.is_corresponding = authorship.is_corresponding,
      a.institution_ids = authorship.institution_ids
}
RETURN count(DISTINCT p) AS papers
