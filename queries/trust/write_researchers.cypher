// trust/write_researchers: stores what `kg trust compute` decided for a chunk of researchers,
// given by internal id with parallel lists: verification level, claimed flag, the walk's
// out-weight and propagated trust, the network component of the score, the score, the index of
// its tier in $tier_names, and the digest of them all (kg/trust.py; the other three components
// follow from the level, works and citations, and are not stored).
// Returns: nodes
/*
:params {nodes: [0], levels: [1], claimed: [false], out_weights: [1.0], propagated: [0.3], network: [30.0], scores: [47], tiers: [2], digests: [7], tier_names: ["Exemplary", "Trusted", "Established", "Emerging"]}
*/
UNWIND range(0, size($nodes) - 1) AS i
MATCH (r:Researcher)
WHERE id(r) = $nodes[i]
SET r.verification_level = $levels[i], r.claimed = $claimed[i],
    r.trust_out_weight = $out_weights[i], r.trust_propagated = $propagated[i],
    r.trust_from_network = $network[i], r.trust_score = $scores[i],
    r.trust_tier = $tier_names[$tiers[i]], r.trust_digest = $digests[i]
RETURN count(r) AS nodes
