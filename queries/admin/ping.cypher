// admin/ping: proves the database answers a query.
// Returns: ok (always 1)
RETURN 1 AS ok
