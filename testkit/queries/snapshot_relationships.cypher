// snapshot_relationships: every relationship with its type, properties and the element ids of its
// ends (the keys of snapshot_nodes).
// Returns: start, end, type, properties
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS properties
