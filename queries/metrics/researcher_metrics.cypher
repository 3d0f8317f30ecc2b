// metrics/researcher_metrics: the stored profile figures of each given researcher (kept exact at
// write time by kg/ingest/readmodel.py; a researcher without works has none stored: zeros).
// Returns: id, works, citations, h_index, i10_index, followers, topics, close_collaborators,
//          first_year, last_year, novel_works, novelty, ai_works, ai_score
/*
:params {researcher_ids: ["A5023888391"]}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
RETURN r.id AS id, coalesce(r.works, 0) AS works, coalesce(r.citations, 0) AS citations,
       coalesce(r.h_index, 0) AS h_index, coalesce(r.i10_index, 0) AS i10_index,
       coalesce(r.followers, 0) AS followers, coalesce(r.topics, 0) AS topics,
       coalesce(r.close_collaborators, 0) AS close_collaborators,
       r.first_year AS first_year, r.last_year AS last_year,
       coalesce(r.novel_works, 0) AS novel_works, coalesce(r.novelty, 0.0) AS novelty,
       coalesce(r.ai_works, 0) AS ai_works, coalesce(r.ai_score, 0) AS ai_score
