// topics/top_papers: the most cited papers on a topic or any topic under it; a paper's citations
// are max(cited_by_count, CITES edges into it), stored; ties by year (newest first) then id.
// Returns: papers [{id, title, year, citations}] (no row when the topic is not in the graph)
/*
:params {topic_id: "T10965", first: 10}
*/
MATCH (t:Topic {id: $topic_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  WITH p, coalesce(p.citations, 0) AS citations
  ORDER BY citations DESC, coalesce(p.year, 0) DESC, p.id
  LIMIT $first
  RETURN collect({id: p.id, title: p.title, year: p.year, citations: citations}) AS papers
}
RETURN papers
