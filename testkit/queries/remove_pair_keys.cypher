// remove_pair_keys: removes the key pair from every PARTNER edge, as a graph derived before the
// key existed holds them (tests of `kg schema apply` keying such a graph).
// Returns: removed
/*
:params {}
*/
MATCH ()-[d:PARTNER]->()
REMOVE d.pair
RETURN count(d) AS removed
