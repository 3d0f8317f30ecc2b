// ingest/papers: upserts papers and their own properties; drops CITES edges the new record no
// longer lists and queues every listed reference in pending_refs for `link_references` (no
// property when it lists none: no path stores an empty list, the bulk importer cannot).
// Returns: written (papers upserted), uncited_ids (papers that lost a citation)
/*
:params {papers: [{id: "W1", props: {title: "A paper", year: 2020}, references: ["W2"]}]}
*/
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p += row.props,
    p.pending_refs = CASE WHEN row.references = [] THEN null ELSE row.references END
WITH p, row
CALL (p, row) {
  MATCH (p)-[c:CITES]->(q:Paper)
  WHERE NOT q.id IN row.references
  DELETE c
  RETURN collect(q.id) AS uncited
}
UNWIND (uncited + [null]) AS uncited_id
RETURN count(DISTINCT p) AS written, collect(DISTINCT uncited_id) AS uncited_ids
