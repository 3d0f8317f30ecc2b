// ingest/any_node: whether the database holds any node of the graph (a bulk load needs an empty
// one; the GraphVersion marker that every write bumps does not count).
// Returns: nodes (0 or 1)
MATCH (n)
WHERE NOT n:GraphVersion
WITH n LIMIT 1
RETURN count(n) AS nodes
