// nodes/researchers_by_ids: researchers by id (missing ids are left out), with their stored trust.
// Returns: id, name, orcid, alt_names, open_to_collaborate, verification_level, claimed,
//          trust_score, trust_tier, trust_propagated
/*
:params {ids: ["A5103059223"]}
*/
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN r.id AS id, r.name AS name, r.orcid AS orcid, coalesce(r.alt_names, []) AS alt_names,
       coalesce(r.open_to_collaborate, false) AS open_to_collaborate,
       coalesce(r.verification_level, 0) AS verification_level,
       coalesce(r.claimed, false) AS claimed, r.trust_score AS trust_score,
       r.trust_tier AS trust_tier, r.trust_propagated AS trust_propagated
