// papers/papers_of_researchers_by_citations: each researcher's papers, most cited first (citations, then id), after a
// keyset cursor ($after_key: [key, id] of the last paper seen, or null), at most $limit each.
// Returns: researcher_id, paper_id, sort_key, total
/*
:params {researcher_ids: ["A1"], after_key: null, limit: 20}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p:Paper)
  WITH p, coalesce(p.citations, 0) AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND p.id > $after_key[1])
  RETURN p, sort_key
  ORDER BY sort_key DESC, p.id
  LIMIT $limit
}
RETURN researcher_id, p.id AS paper_id, sort_key, COUNT { (r)-[:AUTHORED]->() } AS total
