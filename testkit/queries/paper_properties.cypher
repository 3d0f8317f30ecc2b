// paper_properties: every stored property of one paper (tests and tools that inspect an ingest).
// Returns: props
/*
:params {id: "W2741809807"}
*/
MATCH (p:Paper {id: $id})
RETURN properties(p) AS props
