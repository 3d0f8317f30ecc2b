// sources/papers_of_sources: the papers PUBLISHED_IN each source (venue), most cited first (stored
// citations, then id), after a keyset cursor ($after_key: [citations, id], or null), at most
// $limit each. Expands from each source only.
// Returns: of_id, paper_id, sort_key, total
/*
:params {source_ids: ["S36808561"], after_key: null, limit: 21}
*/
UNWIND $source_ids AS of_id
MATCH (s:Source {id: of_id})
CALL (s) {
  MATCH (s)<-[:PUBLISHED_IN]-(p:Paper)
  WITH p, coalesce(p.citations, 0) AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND p.id > $after_key[1])
  RETURN p, sort_key
  ORDER BY sort_key DESC, p.id
  LIMIT $limit
}
RETURN of_id, p.id AS paper_id, sort_key, COUNT { (s)<-[:PUBLISHED_IN]-() } AS total
