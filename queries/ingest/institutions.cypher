// ingest/institutions: upserts institutions and links each to the ancestors of its lineage with
// PART_OF (ancestors named only by id are created with just their id, and filled in later).
// Returns: institutions
/*
:params {institutions: [{id: "I1", name: "Imperial College London", ror: "041kmwe10", country: "GB", type: "education", lineage: ["I1"]}]}
*/
UNWIND $institutions AS row
MERGE (i:Institution {id: row.id})
SET i.name = coalesce(row.name, i.name), i.ror = coalesce(row.ror, i.ror),
    i.country = coalesce(row.country, i.country), i.type = coalesce(row.type, i.type)
WITH i, row
CALL (i, row) {
  UNWIND row.lineage AS ancestor_id
  WITH ancestor_id WHERE ancestor_id <> row.id
  MERGE (ancestor:Institution {id: ancestor_id})
  MERGE (i)-[:PART_OF]->(ancestor)
}
RETURN count(i) AS institutions
