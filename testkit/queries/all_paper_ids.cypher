// all_paper_ids: the id of every paper (tests and tools that compare graphs).
// Returns: id
MATCH (p:Paper)
RETURN p.id AS id
