// sources/top_researchers_of_sources: each source's researchers with the most papers in it, then
// the most citations of those papers (stored), then id; the first $first.
// Returns: of_id, researcher_id, works, citations
/*
:params {source_ids: ["S36808561"], first: 10}
*/
UNWIND $source_ids AS of_id
MATCH (s:Source {id: of_id})
CALL (s) {
  MATCH (s)<-[:PUBLISHED_IN]-(p:Paper)<-[:AUTHORED]-(r:Researcher)
  WITH r, count(DISTINCT p) AS works, sum(coalesce(p.citations, 0)) AS citations
  ORDER BY works DESC, citations DESC, r.id
  LIMIT $first
  RETURN r.id AS researcher_id, works, citations
}
RETURN of_id, researcher_id, works, citations
