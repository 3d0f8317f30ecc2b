// live_topic_papers_under: each topic's papers on it or on a topic under it (SUBTOPIC_OF*0..3),
// counted live, for tests that pick a small and a large topic.
// Returns: id, papers
MATCH (t:Topic)
RETURN t.id AS id,
       COUNT { MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper) RETURN DISTINCT p }
         AS papers
