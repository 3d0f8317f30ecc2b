// admin/await_indexes: waits until every index is online (after `kg schema apply`).
/*
:params {seconds: 300}
*/
CALL db.awaitIndexes($seconds)
