// trust_iterate: one power-iteration step of the trust walk, written to trust_next (values are
// read from trust_propagated, so the step uses only the previous values). A node's next value is
// $damping * (inflow from its neighbours + dangling mass * its teleport probability)
// + (1 - $damping) * its teleport probability, where a neighbour u passes
// u.trust_propagated * edge weight / u.trust_out_weight, and dangling mass is the value held by
// nodes without edges (it returns to the teleport vector).
// Returns: change (L1 distance between the new and the previous values)
/*
:params {damping: 0.85, affiliation_weight: 0.25}
*/
MATCH (d:Researcher|Institution)
WHERE d.trust_out_weight = 0
WITH sum(d.trust_propagated) AS dangling
MATCH (v:Researcher|Institution)
CALL (v) {
  MATCH (v)-[e:COAUTHOR|AFFILIATED_WITH]-(u)
  RETURN sum(u.trust_propagated
             * CASE type(e) WHEN 'COAUTHOR' THEN e.works ELSE $affiliation_weight END
             / u.trust_out_weight) AS inflow
}
WITH v, $damping * (inflow + dangling * v.trust_teleport) + (1 - $damping) * v.trust_teleport AS next
SET v.trust_next = next
RETURN sum(abs(next - v.trust_propagated)) AS change
