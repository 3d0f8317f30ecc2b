// export/edges_from: the relationships leaving these nodes, with their properties; none to or from a user.
// Returns: source, target, target_element_id, type, props
/*
:params {element_ids: []}
*/
MATCH (n) WHERE elementId(n) IN $element_ids
MATCH (n)-[r]->(m) WHERE NOT m:User
RETURN n.id AS source, m.id AS target, elementId(m) AS target_element_id, type(r) AS type,
       properties(r) AS props
