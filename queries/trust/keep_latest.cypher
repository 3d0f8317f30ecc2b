// trust/keep_latest: ends the trust walk: trust_propagated takes the values of the last step
// (held in the property $latest) and the scratch property trust_next is removed.
// Returns: nodes
/*
:params {latest: "trust_next"}
*/
MATCH (v:Researcher|Institution)
SET v.trust_propagated = v[$latest]
REMOVE v.trust_next
RETURN count(v) AS nodes
