// researcher_properties: every stored property of one researcher (tests and tools that inspect an ingest).
// Returns: props
/*
:params {id: "A5023888391"}
*/
MATCH (r:Researcher {id: $id})
RETURN properties(r) AS props
