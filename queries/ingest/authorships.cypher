// ingest/authorships: makes each paper's AUTHORED edges exactly those of its record, with
// position, is_corresponding and the institutions of the authorship; stores the author count.
// Returns: removed_researcher_ids (researchers who lost a paper: their derived edges need refreshing)
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
  RETURN collect(r.id) AS removed
}
CALL (p, row) {
  UNWIND row.authorships AS authorship
  MATCH (r:Researcher {id: authorship.researcher_id})
  MERGE (r)-[a:AUTHORED]->(p)
  SET a.position = authorship.position, a.is_corresponding = authorship.is_corresponding,
      a.institution_ids = authorship.institution_ids
}
UNWIND removed AS removed_id
RETURN collect(DISTINCT removed_id) AS removed_researcher_ids
