// trust/walk_slice: the walk nodes whose internal ids lie in [$first, $first + $size) and the
// edges leaving them, as flat parallel lists (decoded straight into arrays): each node's internal
// id and verification level (-1 for an institution); each outgoing COAUTHOR and AFFILIATED_WITH
// edge's source, target and walk weight (a COAUTHOR edge weighs its shared works, an
// AFFILIATED_WITH edge $affiliation_weight). Each edge leaves one node, so it is sent once.
// Returns: nodes, levels, sources, targets, weights
/*
:params {first: 0, size: 50000, affiliation_weight: 0.25}
*/
CALL () {
  MATCH (v:Researcher|Institution)
  WHERE id(v) IN range($first, $first + $size - 1)
  RETURN collect(id(v)) AS nodes,
         collect(CASE WHEN v:Researcher THEN coalesce(v.verification_level, 0) ELSE -1 END)
           AS levels
}
CALL () {
  MATCH (v:Researcher|Institution)-[e:COAUTHOR|AFFILIATED_WITH]->(u)
  WHERE id(v) IN range($first, $first + $size - 1)
  RETURN collect(id(v)) AS sources, collect(id(u)) AS targets,
         collect(CASE type(e) WHEN 'COAUTHOR' THEN toFloat(e.works)
                 ELSE $affiliation_weight END) AS weights
}
RETURN nodes, levels, sources, targets, weights
