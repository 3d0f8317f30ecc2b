// trust/write_walk: stores the result of the trust walk on a chunk of institutions, given by
// internal id with parallel lists of out-weight, propagated trust and the digest of the two
// (kg/trust.py).
// Returns: nodes
/*
:params {nodes: [0], out_weights: [1.0], propagated: [0.3], digests: [7]}
*/
UNWIND range(0, size($nodes) - 1) AS i
MATCH (v)
WHERE id(v) = $nodes[i]
SET v.trust_out_weight = $out_weights[i], v.trust_propagated = $propagated[i],
    v.trust_digest = $digests[i]
RETURN count(v) AS nodes
