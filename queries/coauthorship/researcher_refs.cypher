// coauthorship/researcher_refs: id and name of each given researcher that exists.
// Returns: id, name
/*
:params {researcher_ids: ["A5023888391"]}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
RETURN r.id AS id, r.name AS name
