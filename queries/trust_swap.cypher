// trust_swap: makes the values of the last trust_iterate step current.
// Returns: nodes
MATCH (v:Researcher|Institution)
SET v.trust_propagated = v.trust_next
REMOVE v.trust_next
RETURN count(v) AS nodes
