// readmodel/all_paper_ids: the id of every paper (for `kg derive --full`).
// Returns: id
MATCH (p:Paper)
RETURN p.id AS id
