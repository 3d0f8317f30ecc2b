// accounts/set_open_to_collaborate: sets the open-to-collaborate flag of a researcher record.
// Returns: open
/*
:params {researcher_id: "A1", open: true}
*/
MATCH (r:Researcher {id: $researcher_id})
SET r.open_to_collaborate = $open
RETURN r.open_to_collaborate AS open
