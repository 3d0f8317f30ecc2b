// edges_with_properties: every derived edge (COAUTHOR, CO_OCCURS, AFFILIATED_WITH, PARTNER) and
// every CITES edge with its ends and properties, so two graphs can be compared edge by edge.
// Returns: type, source, target, props
MATCH (a)-[r:COAUTHOR|CO_OCCURS|AFFILIATED_WITH|PARTNER|CITES]->(b)
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
