// topics/top_papers_of_topics: topics/top_papers for many topics in one query: the most cited
// papers on each topic or any topic under it (stored citations), ties by year (newest first) then
// id, the first $first each.
// Returns: of_id, papers [{id, title, year, citations}] (no row for a topic not in the graph)
/*
:params {topic_ids: ["T10399"], first: 10}
*/
UNWIND $topic_ids AS of_id
MATCH (t:Topic {id: of_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  WITH p, coalesce(p.citations, 0) AS citations
  ORDER BY citations DESC, coalesce(p.year, 0) DESC, p.id
  LIMIT $first
  RETURN collect({id: p.id, title: p.title, year: p.year, citations: citations}) AS papers
}
RETURN of_id, papers
