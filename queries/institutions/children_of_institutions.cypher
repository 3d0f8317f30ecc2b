// institutions/children_of_institutions: the institutions that are PART_OF each institution, by id.
// Returns: of_id, child_id
/*
:params {institution_ids: ["I134085113"]}
*/
UNWIND $institution_ids AS of_id
MATCH (i:Institution {id: of_id})<-[:PART_OF]-(c:Institution)
RETURN of_id, c.id AS child_id
ORDER BY of_id, child_id
