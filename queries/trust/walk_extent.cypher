// trust/walk_extent: the size of the trust walk before it is exported in chunks: the highest
// internal node id of a researcher or institution and how many there are.
// Returns: highest, walk_nodes
MATCH (v:Researcher|Institution)
RETURN coalesce(max(id(v)), -1) AS highest, count(v) AS walk_nodes
