// topics/top_researchers: the researchers with the most works on a topic (or any topic under
// it), then the most citations of those works (max(cited_by_count, CITES in-degree), stored), then id.
// Returns: researchers [{id, name, works, citations}] (no row when the topic is not in the graph)
/*
:params {topic_id: "T10965", first: 10}
*/
MATCH (t:Topic {id: $topic_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  WITH p, coalesce(p.citations, 0) AS citations
  MATCH (r:Researcher)-[:AUTHORED]->(p)
  WITH r, count(p) AS works, sum(citations) AS citations
  ORDER BY works DESC, citations DESC, r.id
  LIMIT $first
  RETURN collect({id: r.id, name: r.name, works: works, citations: citations}) AS researchers
}
RETURN researchers
