// ingest/delete_orphans: deletes the name-only researchers and the venues of these ids that a
// merge left with no edge at all (they would not exist had the works landed in the other order).
// Returns: deleted
/*
:params {researcher_ids: ["name:c balazs"], source_ids: ["arxiv"]}
*/
CALL () {
  UNWIND $researcher_ids AS id
  MATCH (r:Researcher {id: id})
  WHERE NOT EXISTS { (r)--() }
  DELETE r
  RETURN count(r) AS researchers
}
CALL () {
  UNWIND $source_ids AS id
  MATCH (s:Source {id: id})
  WHERE NOT EXISTS { (s)--() }
  DELETE s
  RETURN count(s) AS sources
}
RETURN researchers + sources AS deleted
