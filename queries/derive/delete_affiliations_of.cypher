// derive/delete_affiliations_of: deletes the AFFILIATED_WITH edges of the given researchers.
// Returns: deleted
/*
:params {researcher_ids: ["A1"]}
*/
UNWIND $researcher_ids AS rid
MATCH (:Researcher {id: rid})-[f:AFFILIATED_WITH]->()
DELETE f
RETURN count(f) AS deleted
