// admin/drop_pending_keys: removes `pending_key` (the '|id|id|' string a paper's pending_refs
// had under the retired TEXT index paper_pending_key) from up to $limit papers; call until it
// returns 0. Used by `kg schema apply` (kg/db/schema.py RETIRED) on a store written before.
// Returns: removed
/*
:params {limit: 50000}
*/
MATCH (p:Paper)
WHERE p.pending_key IS NOT NULL
WITH p LIMIT $limit
REMOVE p.pending_key
RETURN count(p) AS removed
