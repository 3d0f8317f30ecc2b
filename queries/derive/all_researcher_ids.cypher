// derive/all_researcher_ids: the id of every researcher (for a full re-derivation).
// Returns: id
MATCH (r:Researcher)
RETURN r.id AS id
