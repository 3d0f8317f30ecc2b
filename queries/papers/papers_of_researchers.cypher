// papers/papers_of_researchers: each researcher's papers in $order ('recency': newest first,
// by year; 'citations': most cited first), then by id, after a keyset cursor ($after_key: [key,
// id] of the last paper seen, or null), at most $limit each. Each paper carries its node as
// nodes/papers_by_ids returns it (`node`), so a page with its papers is one query.
// Returns: researcher_id, paper_id, sort_key, total, node
/*
:params {researcher_ids: ["A1"], order: "recency", after_key: null, limit: 20}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p)
  WITH p, CASE $order WHEN 'citations' THEN coalesce(p.citations, 0)
                    ELSE coalesce(p.year, 0) END AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND p.id > $after_key[1])
  RETURN p, sort_key
  ORDER BY sort_key DESC, p.id
  LIMIT $limit
}
RETURN researcher_id, p.id AS paper_id, sort_key, COUNT { (r)-[:AUTHORED]->() } AS total,
       {id: p.id, doi: p.doi, title: p.title, abstract: p.abstract, year: p.year,
        date: p.date, type: p.type, cited_by_count: coalesce(p.cited_by_count, 0),
        citations: coalesce(p.citations, 0),
        upvotes: coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() },
        is_retracted: coalesce(p.is_retracted, false),
        categories: coalesce(p.categories, []), organisation: p.organisation,
        source_ids: coalesce(p.ids, [p.id]),
        source_id: head(COLLECT { MATCH (p)-[:PUBLISHED_IN]->(s) RETURN s.id })} AS node
