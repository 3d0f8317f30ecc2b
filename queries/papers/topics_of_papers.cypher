// papers/topics_of_papers: the topics assigned to each paper, primary first, then by score.
// Returns: paper_id, topic_id, score, primary
/*
:params {paper_ids: ["W1"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})-[h:HAS_TOPIC]->(t:Topic)
RETURN paper_id, t.id AS topic_id, h.score AS score, coalesce(h.primary, false) AS primary
ORDER BY paper_id, primary DESC, score DESC, topic_id
