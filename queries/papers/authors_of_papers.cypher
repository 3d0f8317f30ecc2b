// papers/authors_of_papers: the authors of each paper in authorship order (first, middle, last; then id).
// Each author carries its node as nodes/researchers_by_ids returns it (`node`).
// Returns: paper_id, researcher_id, position, is_corresponding, node
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {paper_ids: ["W1"], shown: {researcher: {name: true, orcid: true, alt_names: true, open_to_collaborate: true}}}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})<-[a:AUTHORED]-(r:Researcher)
RETURN paper_id, r.id AS researcher_id, a.position AS position,
       coalesce(a.is_corresponding, false) AS is_corresponding,
       {id: r.id, name: CASE WHEN $shown.researcher.name THEN r.name END,
        orcid: CASE WHEN $shown.researcher.orcid THEN r.orcid END,
        alt_names: CASE WHEN $shown.researcher.alt_names
                   THEN coalesce(r.alt_names, []) END,
        open_to_collaborate: CASE WHEN $shown.researcher.open_to_collaborate
                             THEN coalesce(r.open_to_collaborate, false) END} AS node
ORDER BY paper_id, CASE a.position WHEN 'first' THEN 0 WHEN 'last' THEN 2 ELSE 1 END, r.id
