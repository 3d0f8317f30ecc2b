// trust/of_researchers: the stored trust of the given researchers (ids not in the graph are left out).
// Returns: id, score, tier, verification_level, claimed, propagated
/*
:params {researcher_ids: ["A5023888391"]}
*/
UNWIND $researcher_ids AS rid
MATCH (r:Researcher {id: rid})
RETURN r.id AS id, r.trust_score AS score, r.trust_tier AS tier,
       r.verification_level AS verification_level, r.claimed AS claimed,
       r.trust_propagated AS propagated
