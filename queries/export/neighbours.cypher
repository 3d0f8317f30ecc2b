// export/neighbours: the nodes one relationship away from these, either direction, users never (a breadth-first step of `kg export --around`).
// Returns: element_id
/*
:params {element_ids: []}
*/
MATCH (n) WHERE elementId(n) IN $element_ids
MATCH (n)--(m) WHERE NOT m:User
RETURN DISTINCT elementId(m) AS element_id
