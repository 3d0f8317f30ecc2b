// papers/topics_of_papers: the topics assigned to each paper, primary first, then by score.
// Each topic carries its node as nodes/topics_by_ids returns it (`node`).
// Returns: paper_id, topic_id, score, primary, node
/*
:params {paper_ids: ["W1"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})-[h:HAS_TOPIC]->(t:Topic)
RETURN paper_id, t.id AS topic_id, h.score AS score, coalesce(h.primary, false) AS primary,
       {id: t.id, name: t.name, level: t.level, papers: coalesce(t.papers, 0),
        parent_id: head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(parent:Topic) RETURN parent.id })}
       AS node
ORDER BY paper_id, primary DESC, score DESC, topic_id
