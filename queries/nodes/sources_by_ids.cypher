// nodes/sources_by_ids: sources (venues) by id (missing ids are left out).
// Returns: id, name, type, papers
/*
:params {ids: ["S36808561"]}
*/
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.name AS name, s.type AS type, COUNT { (s)<-[:PUBLISHED_IN]-() } AS papers
