// graph_contents: every node (labels, properties) and every relationship (type, ends, properties):
// tests prove that a refused request changed nothing. Meant for the small graphs of tests.
// Returns: kind, labels, start, end, properties
MATCH (n) WHERE NOT n:GraphVersion
RETURN 'node' AS kind, labels(n) AS labels, null AS start, null AS end, properties(n) AS properties
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'relationship' AS kind, [type(r)] AS labels, a.id AS start, b.id AS end,
       properties(r) AS properties
