// ingest/lock_corpus: takes the write lock of the one Corpus node for the rest of the
// transaction (the property is set and removed: nothing changes but the lock). Every ingest
// batch runs it first, so the batches of concurrent ingests queue on it and each reads the
// paper states its deltas start from after the one before it committed (kg/ingest/serial.py).
// Returns: id
/*
:params {}
*/
MERGE (c:Corpus {id: 'corpus'})
SET c.ingest_lock = true
REMOVE c.ingest_lock
RETURN c.id AS id
