// most_coauthored_researcher: the researcher with the most COAUTHOR edges (ties by id), the hub
// the scale benchmark asks for the depth-2 neighbourhood of.
// Returns: id
MATCH (r:Researcher)
RETURN r.id AS id
ORDER BY COUNT { (r)-[:COAUTHOR]-() } DESC, r.id
LIMIT 1
