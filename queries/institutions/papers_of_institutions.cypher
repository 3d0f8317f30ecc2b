// institutions/papers_of_institutions: each institution's papers (an authorship names it, as the
// derived AFFILIATED_WITH edges do), most cited first (stored citations, then id), after a keyset
// cursor ($after_key: [citations, id], or null), at most $limit each. Expands from each
// institution through its affiliated researchers only.
// Returns: of_id, paper_id, sort_key, total
/*
:params {institution_ids: ["I134085113"], after_key: null, limit: 21}
*/
UNWIND $institution_ids AS of_id
MATCH (i:Institution {id: of_id})
CALL (i) {
  MATCH (i)<-[:AFFILIATED_WITH]-(:Researcher)-[a:AUTHORED]->(p:Paper)
  WHERE i.id IN a.institution_ids
  WITH DISTINCT p
  RETURN collect(p) AS papers
}
CALL (papers) {
  UNWIND papers AS p
  WITH p, coalesce(p.citations, 0) AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND p.id > $after_key[1])
  RETURN p, sort_key
  ORDER BY sort_key DESC, p.id
  LIMIT $limit
}
RETURN of_id, p.id AS paper_id, sort_key, size(papers) AS total
