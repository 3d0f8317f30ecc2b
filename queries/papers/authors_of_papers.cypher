// papers/authors_of_papers: the authors of each paper in authorship order (first, middle, last; then id).
// Each author carries its node as nodes/researchers_by_ids returns it (`node`).
// Returns: paper_id, researcher_id, position, is_corresponding, node
/*
:params {paper_ids: ["W1"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})<-[a:AUTHORED]-(r:Researcher)
RETURN paper_id, r.id AS researcher_id, a.position AS position,
       coalesce(a.is_corresponding, false) AS is_corresponding,
       {id: r.id, name: r.name, orcid: r.orcid, alt_names: coalesce(r.alt_names, []),
        open_to_collaborate: coalesce(r.open_to_collaborate, false),
        verification_level: coalesce(r.verification_level, 0),
        claimed: coalesce(r.claimed, false), trust_score: r.trust_score,
        trust_tier: r.trust_tier, trust_propagated: r.trust_propagated} AS node
ORDER BY paper_id, CASE a.position WHEN 'first' THEN 0 WHEN 'last' THEN 2 ELSE 1 END, r.id
