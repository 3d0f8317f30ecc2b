// papers/cited_by_papers: the papers in the graph that cite each paper, newest first (date, ''
// without one, then id), after a keyset cursor ($after_key: [date_key, id] of the last paper
// seen, or null), at most $limit each. Expands from each paper only.
// Returns: of_id, paper_id, sort_key, total
/*
:params {paper_ids: ["W4319441783"], after_key: null, limit: 21}
*/
UNWIND $paper_ids AS of_id
MATCH (p:Paper {id: of_id})
CALL (p) {
  MATCH (p)<-[:CITES]-(q:Paper)
  WITH q, coalesce(q.date, '') AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND q.id > $after_key[1])
  RETURN q, sort_key
  ORDER BY sort_key DESC, q.id
  LIMIT $limit
}
RETURN of_id, q.id AS paper_id, sort_key, COUNT { (p)<-[:CITES]-() } AS total
