// count_nodes: how many nodes the database holds.
// Returns: nodes
MATCH (n)
RETURN count(n) AS nodes
