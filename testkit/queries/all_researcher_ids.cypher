// all_researcher_ids: the id of every researcher, in id order.
// Returns: id
MATCH (r:Researcher)
RETURN r.id AS id
ORDER BY id
