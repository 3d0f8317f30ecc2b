// nodes/researchers_with_metrics_by_ids: researchers by id (missing ids are left out) as
// nodes/researchers_by_ids returns them (the fields $shown.researcher names), each with its stored
// profile figures as metrics/researcher_metrics returns them (`metrics`): a profile's node and
// figures in one query.
// Returns: id, name, orcid, alt_names, open_to_collaborate, metrics {id, works, citations,
//          h_index, i10_index, followers, topics, close_collaborators, first_year, last_year,
//          novel_works, novelty, ai_works, ai_score}
/*
:params {ids: ["A5103059223"], shown: {researcher: {name: true, orcid: true, alt_names: true, open_to_collaborate: true}}}
*/
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN r.id AS id, CASE WHEN $shown.researcher.name THEN r.name END AS name,
       CASE WHEN $shown.researcher.orcid THEN r.orcid END AS orcid,
       CASE WHEN $shown.researcher.alt_names THEN coalesce(r.alt_names, []) END AS alt_names,
       CASE WHEN $shown.researcher.open_to_collaborate
            THEN coalesce(r.open_to_collaborate, false) END AS open_to_collaborate,
       {id: r.id, works: coalesce(r.works, 0), citations: coalesce(r.citations, 0),
        h_index: coalesce(r.h_index, 0), i10_index: coalesce(r.i10_index, 0),
        followers: coalesce(r.followers, 0), topics: coalesce(r.topics, 0),
        close_collaborators: coalesce(r.close_collaborators, 0),
        first_year: r.first_year, last_year: r.last_year,
        novel_works: coalesce(r.novel_works, 0), novelty: coalesce(r.novelty, 0.0),
        ai_works: coalesce(r.ai_works, 0), ai_score: coalesce(r.ai_score, 0)} AS metrics
