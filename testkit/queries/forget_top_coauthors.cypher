// forget_top_coauthors: removes every researcher's stored top co-authors, so a test can compare
// the neighbourhood read from them with the ranking from every COAUTHOR edge.
// Returns: researchers
MATCH (r:Researcher)
REMOVE r.top_coauthors, r.top_coauthor_works
RETURN count(r) AS researchers
