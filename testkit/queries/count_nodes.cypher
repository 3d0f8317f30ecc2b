// count_nodes: how many nodes the database holds (the graph's version node aside).
// Returns: nodes
MATCH (n) WHERE NOT n:GraphVersion
RETURN count(n) AS nodes
