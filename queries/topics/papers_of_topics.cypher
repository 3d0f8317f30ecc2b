// topics/papers_of_topics: the papers on each topic or any topic under it, most cited first
// (stored citations, then id), after a keyset cursor ($after_key: [citations, id], or null), at
// most $limit each. Expands from each topic only.
// Returns: of_id, paper_id, sort_key, total
/*
:params {topic_ids: ["T10399"], after_key: null, limit: 21}
*/
UNWIND $topic_ids AS of_id
MATCH (t:Topic {id: of_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
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
