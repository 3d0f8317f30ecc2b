// derived_edges: every derived edge (COAUTHOR, CO_OCCURS, AFFILIATED_WITH, PARTNER) with its ends
// and properties, in a stable order: tests compare two loads of the same data by it.
// Returns: type, source, target, properties
MATCH (a)-[d:COAUTHOR|CO_OCCURS|AFFILIATED_WITH|PARTNER]->(b)
RETURN type(d) AS type, a.id AS source, b.id AS target, properties(d) AS properties
ORDER BY type, source, target
