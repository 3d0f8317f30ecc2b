// trust/iterate: one power-iteration step of the trust walk: reads each node's value from the
// property $read_from and writes the next value to $write_to (`trust_propagated` and
// `trust_next` take turns, so a step only ever sees the previous values). A node's next value is
// $damping * (inflow from its neighbours + dangling mass * its teleport probability)
// + (1 - $damping) * its teleport probability, where a neighbour u passes
// value(u) * edge weight / u.trust_out_weight, and the dangling mass is the value held by nodes
// without edges (it returns to the teleport vector).
// Returns: change (L1 distance between the new and the previous values)
/*
:params {damping: 0.85, affiliation_weight: 0.25, read_from: "trust_propagated", write_to: "trust_next"}
*/
MATCH (d:Researcher|Institution)
WHERE d.trust_out_weight = 0
WITH sum(d[$read_from]) AS dangling
MATCH (v:Researcher|Institution)
CALL (v) {
  MATCH (v)-[e:COAUTHOR|AFFILIATED_WITH]-(u)
  RETURN sum(u[$read_from]
             * CASE type(e) WHEN 'COAUTHOR' THEN e.works ELSE $affiliation_weight END
             / u.trust_out_weight) AS inflow
}
WITH v, $damping * (inflow + dangling * v.trust_teleport) + (1 - $damping) * v.trust_teleport AS next
SET v[$write_to] = next
RETURN sum(abs(next - v[$read_from])) AS change
