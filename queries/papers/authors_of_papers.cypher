// papers/authors_of_papers: the authors of each paper in authorship order (first, middle, last; then id).
// Returns: paper_id, researcher_id, position, is_corresponding
/*
:params {paper_ids: ["W1"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})<-[a:AUTHORED]-(r:Researcher)
RETURN paper_id, r.id AS researcher_id, a.position AS position,
       coalesce(a.is_corresponding, false) AS is_corresponding
ORDER BY paper_id, CASE a.position WHEN 'first' THEN 0 WHEN 'last' THEN 2 ELSE 1 END, r.id
