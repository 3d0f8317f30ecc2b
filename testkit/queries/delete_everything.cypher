// delete_everything: deletes up to $limit nodes with their relationships; keeps the schema and
// the graph's version node (every write, this one too, sets it again).
// Call until it returns deleted = 0. Used by the test fixture on a database it started itself
// and by benchmarks on a database of their own.
// Returns: deleted
/*
:params {limit: 10000}
*/
MATCH (n) WHERE NOT n:GraphVersion
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
