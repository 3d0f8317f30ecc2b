// trust/prepare_walk: readies the trust walk over researchers and institutions. Each node gets
// its out-weight (shared works over its COAUTHOR edges + $affiliation_weight per AFFILIATED_WITH
// edge), its teleport probability (researchers: verification_level / the sum of all levels, so
// only L1+ researchers are seeds; when no researcher is L1+, uniform over researchers;
// institutions: 0) and a start value equal to its teleport probability.
// Returns: walk_nodes, seeds
/*
:params {affiliation_weight: 0.25}
*/
MATCH (r:Researcher)
WITH sum(coalesce(r.verification_level, 0)) AS seed_weight, count(r) AS researchers
MATCH (v:Researcher|Institution)
CALL (v) {
  MATCH (v)-[c:COAUTHOR]-()
  RETURN sum(c.works) AS coauthor_weight
}
WITH v, coauthor_weight + $affiliation_weight * COUNT { (v)-[:AFFILIATED_WITH]-() } AS out_weight,
     CASE
       WHEN NOT v:Researcher THEN 0.0
       WHEN seed_weight > 0 THEN toFloat(coalesce(v.verification_level, 0)) / seed_weight
       ELSE 1.0 / researchers
     END AS teleport
SET v.trust_out_weight = out_weight, v.trust_teleport = teleport, v.trust_propagated = teleport
RETURN count(v) AS walk_nodes, sum(CASE WHEN teleport > 0 THEN 1 ELSE 0 END) AS seeds
