// nodes/researchers_with_metrics_by_ids: researchers by id (missing ids are left out) as
// nodes/researchers_by_ids returns them, each with its stored profile figures as
// metrics/researcher_metrics returns them (`metrics`): a profile's node and figures in one query.
// Returns: id, name, orcid, alt_names, open_to_collaborate, verification_level, claimed,
//          trust_score, trust_tier, trust_propagated, metrics {id, works, citations, h_index,
//          i10_index, followers, topics, close_collaborators, first_year, last_year,
//          novel_works, novelty, ai_works, ai_score}
/*
:params {ids: ["A5103059223"]}
*/
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN r.id AS id, r.name AS name, r.orcid AS orcid, coalesce(r.alt_names, []) AS alt_names,
       coalesce(r.open_to_collaborate, false) AS open_to_collaborate,
       coalesce(r.verification_level, 0) AS verification_level,
       coalesce(r.claimed, false) AS claimed, r.trust_score AS trust_score,
       r.trust_tier AS trust_tier, r.trust_propagated AS trust_propagated,
       {id: r.id, works: coalesce(r.works, 0), citations: coalesce(r.citations, 0),
        h_index: coalesce(r.h_index, 0), i10_index: coalesce(r.i10_index, 0),
        followers: coalesce(r.followers, 0), topics: coalesce(r.topics, 0),
        close_collaborators: coalesce(r.close_collaborators, 0),
        first_year: r.first_year, last_year: r.last_year,
        novel_works: coalesce(r.novel_works, 0), novelty: coalesce(r.novelty, 0.0),
        ai_works: coalesce(r.ai_works, 0), ai_score: coalesce(r.ai_score, 0)} AS metrics
