// stored_top_papers: every topic's stored top papers (ids, citations and years), for tests
// comparing them with a ranking computed from the raw works.
// Returns: id, ids, citations, years
MATCH (t:Topic)
RETURN t.id AS id, t.top_papers AS ids, t.top_paper_citations AS citations,
       t.top_paper_years AS years
