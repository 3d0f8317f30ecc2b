// ingest/sources: upserts the venue of each paper and makes it the paper's only PUBLISHED_IN.
// A paper whose record names no venue loses its PUBLISHED_IN edge.
// Returns: linked (papers with a venue)
/*
:params {papers: [{id: "W1", source: {id: "S1", name: "Basin Research", type: "journal"}}]}
*/
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
CALL (p, row) {
  MATCH (p)-[old:PUBLISHED_IN]->(s:Source)
  WHERE row.source IS NULL OR s.id <> row.source.id
  DELETE old
}
WITH p, row WHERE row.source IS NOT NULL
MERGE (s:Source {id: row.source.id})
SET s.name = coalesce(row.source.name, s.name), s.type = coalesce(row.source.type, s.type)
MERGE (p)-[:PUBLISHED_IN]->(s)
RETURN count(p) AS linked
