// derive/delete_coauthors_of: deletes the COAUTHOR edges of the given researchers (before re-deriving them).
// Returns: deleted
/*
:params {researcher_ids: ["A1"]}
*/
UNWIND $researcher_ids AS rid
MATCH (:Researcher {id: rid})-[c:COAUTHOR]-()
DELETE c
RETURN count(c) AS deleted
