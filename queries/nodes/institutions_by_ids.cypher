// nodes/institutions_by_ids: institutions by id (missing ids are left out), with their parents.
// Returns: id, name, ror, country, type, parent_ids, researchers
/*
:params {ids: ["I47508984"]}
*/
UNWIND $ids AS id
MATCH (i:Institution {id: id})
RETURN i.id AS id, i.name AS name, i.ror AS ror, i.country AS country, i.type AS type,
       [(i)-[:PART_OF]->(parent:Institution) | parent.id] AS parent_ids,
       COUNT { (i)<-[:AFFILIATED_WITH]-() } AS researchers
