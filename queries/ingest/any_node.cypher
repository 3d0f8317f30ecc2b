// ingest/any_node: whether the database holds any node (a bulk load needs an empty one).
// Returns: nodes (0 or 1)
MATCH (n)
WITH n LIMIT 1
RETURN count(n) AS nodes
