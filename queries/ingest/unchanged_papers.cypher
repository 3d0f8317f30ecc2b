// ingest/unchanged_papers: the given papers already in the graph as written from a record with
// the same digest (an index seek each): a batch skips rewriting them.
// Returns: id
/*
:params {papers: [{id: "W2741809807", digest: "0f3c2a"}]}
*/
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
WHERE p.digest = row.digest
RETURN p.id AS id
