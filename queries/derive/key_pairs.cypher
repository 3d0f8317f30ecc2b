// derive/key_pairs: writes the key pair = 'a|b' on up to $limit PARTNER edges that have none (a
// graph derived before the key existed); call until it returns 0. Used by `kg schema apply`:
// the ingest's moves find these edges by their key only.
// Returns: keyed
/*
:params {limit: 50000}
*/
MATCH (a)-[d:PARTNER]->(b)
WHERE d.pair IS NULL
WITH a, b, d LIMIT $limit
SET d.pair = a.id + '|' + b.id
RETURN count(d) AS keyed
