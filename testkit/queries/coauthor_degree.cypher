// coauthor_degree: how many COAUTHOR edges one researcher has.
// Returns: degree
/*
:params {id: "A5023888391"}
*/
MATCH (r:Researcher {id: $id})
RETURN COUNT { (r)-[:COAUTHOR]-() } AS degree
