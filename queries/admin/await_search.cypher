// admin/await_search: waits until the eventually consistent full-text indexes hold every
// transaction committed before it (the end of `kg ingest`, tests that search after a write).
/*
:params {}
*/
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
