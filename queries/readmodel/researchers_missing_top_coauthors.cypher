// readmodel/researchers_missing_top_coauthors: the researchers with a COAUTHOR edge but no
// stored top co-authors: a store written before the lists existed. Used by `kg schema apply`
// (one pass over the Researcher label: a one-time migration, never run by requests).
// Returns: id
/*
:params {}
*/
MATCH (r:Researcher)
WHERE r.top_coauthors IS NULL AND EXISTS { (r)-[:COAUTHOR]-() }
RETURN r.id AS id
