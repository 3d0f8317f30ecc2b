// ingest/papers: upserts papers and their own properties; drops CITES edges the new record no
// longer lists and queues every listed reference for `resolve_citations`.
// Returns: written (papers upserted)
/*
:params {papers: [{id: "W1", props: {title: "A paper", year: 2020}, references: ["W2"]}]}
*/
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p += row.props, p.pending_refs = row.references
WITH p, row
CALL (p, row) {
  MATCH (p)-[c:CITES]->(q:Paper)
  WHERE NOT q.id IN row.references
  DELETE c
}
RETURN count(p) AS written
