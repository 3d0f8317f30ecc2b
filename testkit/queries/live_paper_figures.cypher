// live_paper_figures: each paper's citation figure computed live: max(cited_by_count, CITES edges
// into it) (the read model's oracle).
// Returns: id, citations
MATCH (p:Paper)
WITH p, coalesce(p.cited_by_count, 0) AS reported, COUNT { (p)<-[:CITES]-() } AS linked
RETURN p.id AS id, CASE WHEN linked > reported THEN linked ELSE reported END AS citations
