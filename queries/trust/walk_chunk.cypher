// trust/walk_chunk: the walk nodes whose internal ids lie in [$first, $first + $size) and the
// edges leaving them, in a compact form: each node's internal id and verification level (-1 for
// an institution), and per node the internal ids of the targets of its outgoing COAUTHOR and
// AFFILIATED_WITH edges with their walk weights (a COAUTHOR edge weighs its shared works, an
// AFFILIATED_WITH edge $affiliation_weight). Each edge leaves one node, so it is sent once.
// Returns: nodes, levels, targets, weights
/*
:params {first: 0, size: 20000, affiliation_weight: 0.25}
*/
MATCH (v:Researcher|Institution)
WHERE id(v) IN range($first, $first + $size - 1)
CALL (v) {
  MATCH (v)-[e:COAUTHOR|AFFILIATED_WITH]->(u)
  RETURN collect(id(u)) AS targets,
         collect(CASE type(e) WHEN 'COAUTHOR' THEN toFloat(e.works)
                 ELSE $affiliation_weight END) AS weights
}
RETURN collect(id(v)) AS nodes,
       collect(CASE WHEN v:Researcher THEN coalesce(v.verification_level, 0) ELSE -1 END) AS levels,
       collect(targets) AS targets, collect(weights) AS weights
