// trust_values_all: the stored trust of every researcher, by id (tests, benchmarks).
// Returns: id, verification_level, claimed, propagated, score, tier
MATCH (r:Researcher)
RETURN r.id AS id, r.verification_level AS verification_level, r.claimed AS claimed,
       r.trust_propagated AS propagated, r.trust_score AS score, r.trust_tier AS tier
ORDER BY id
