// papers/topics_of_papers: the topics assigned to each paper, primary first, then by score.
// Each topic carries its node as nodes/topics_by_ids returns it (`node`).
// Returns: paper_id, topic_id, score, primary, node
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {paper_ids: ["W1"], shown: {topic: {name: true, level: true, parent_id: true, papers: true}}}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})-[h:HAS_TOPIC]->(t:Topic)
RETURN paper_id, t.id AS topic_id, h.score AS score, coalesce(h.primary, false) AS primary,
       {id: t.id, name: CASE WHEN $shown.topic.name THEN t.name END,
        level: CASE WHEN $shown.topic.level THEN t.level END,
        papers: CASE WHEN $shown.topic.papers THEN coalesce(t.papers, 0) END,
        parent_id: CASE WHEN $shown.topic.parent_id
                   THEN head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(up) RETURN up.id }) END}
       AS node
ORDER BY paper_id, primary DESC, score DESC, topic_id
