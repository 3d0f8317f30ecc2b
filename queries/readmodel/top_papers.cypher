// readmodel/top_papers: counts each given topic's top papers again from the papers on it or on a
// topic under it (SUBTOPIC_OF*0..3): the first $keep by stored citations (descending), then year
// (newest first, none as 0), then id, as three lists (`top_papers`, `top_paper_citations`,
// `top_paper_years`; absent with no paper). `kg derive --full`, and an ingest batch's move when
// a paper inside a full list fell (readmodel/move_top_papers) or a subtree joined the topic.
// Returns: topics
/*
:params {topic_ids: ["T10965"], keep: 100}
*/
UNWIND $topic_ids AS topic_id
MATCH (t:Topic {id: topic_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  WITH p.id AS id, coalesce(p.citations, 0) AS citations, coalesce(p.year, 0) AS year
  ORDER BY citations DESC, year DESC, id
  LIMIT $keep
  RETURN collect(id) AS ids, collect(citations) AS citations, collect(year) AS years
}
SET t.top_papers = CASE WHEN size(ids) > 0 THEN ids END,
    t.top_paper_citations = CASE WHEN size(ids) > 0 THEN citations END,
    t.top_paper_years = CASE WHEN size(ids) > 0 THEN years END
RETURN count(t) AS topics
