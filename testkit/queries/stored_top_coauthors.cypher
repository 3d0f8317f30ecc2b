// stored_top_coauthors: every researcher's stored top co-authors (ids and shared works), for tests
// comparing them with a ranking computed from the raw works.
// Returns: id, ids, works
MATCH (r:Researcher)
RETURN r.id AS id, r.top_coauthors AS ids, r.top_coauthor_works AS works
