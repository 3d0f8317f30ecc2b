// forget_trust_slice: removes everything `kg trust compute` stores, but the verification level
// and claimed flag that ingest sets too, from the researchers and institutions whose internal
// ids lie in [$first, $first + $size) (benchmarks: a first compute on a store computed before;
// the names written by the compute before 2026-11-26 afternoon included).
// Returns: nodes
/*
:params {first: 0, size: 50000}
*/
MATCH (v:Researcher|Institution)
WHERE id(v) IN range($first, $first + $size - 1)
REMOVE v.trust_out_weight, v.trust_teleport, v.trust_propagated, v.trust_from_network,
       v.trust_from_verification, v.trust_from_works, v.trust_from_citations, v.trust_components,
       v.trust_score, v.trust_tier, v.trust_digest
RETURN count(v) AS nodes
