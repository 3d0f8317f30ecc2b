// derive/delete_all: deletes up to $limit derived edges (COAUTHOR, CO_OCCURS, AFFILIATED_WITH,
// PARTNER); call until it returns 0. Used by `kg derive --full`.
// Returns: deleted
/*
:params {limit: 50000}
*/
MATCH ()-[d:COAUTHOR|CO_OCCURS|AFFILIATED_WITH|PARTNER]->()
WITH d LIMIT $limit
DELETE d
RETURN count(d) AS deleted
