// readmodel/topic_figures: stores each given topic's paper count (its HAS_TOPIC in-degree, a
// degree read that does not visit the papers).
// Returns: topics
/*
:params {topic_ids: ["T10965"]}
*/
UNWIND $topic_ids AS topic_id
MATCH (t:Topic {id: topic_id})
SET t.papers = COUNT { (t)<-[:HAS_TOPIC]-() }
RETURN count(t) AS topics
