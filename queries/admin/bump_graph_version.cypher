// admin/bump_graph_version: gives the graph a new version; run by kg/db/graph.py at the end of
// every write transaction. Random rather than a counter, so a wiped and reloaded graph never
// repeats a version a cache still holds.
// Returns: version
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = randomUUID()
RETURN v.version AS version
