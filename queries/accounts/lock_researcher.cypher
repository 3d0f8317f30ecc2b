// accounts/lock_researcher: takes the write lock of a researcher record for the rest of the transaction, so
// rules on its claims are checked and written by one transaction at a time (the property is set and removed:
// nothing changes but the lock).
// Returns: id; no row when the researcher is unknown
/*
:params {researcher_id: "A1"}
*/
MATCH (r:Researcher {id: $researcher_id})
SET r._lock = true
REMOVE r._lock
RETURN r.id AS id
