// admin/graph_version: the graph's version, a random value every write transaction replaces
// (admin/bump_graph_version); response caches compare it. No row before the first write.
// Returns: version
MATCH (v:GraphVersion {id: 'graph'})
RETURN v.version AS version
