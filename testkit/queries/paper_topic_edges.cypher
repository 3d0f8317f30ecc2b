// paper_topic_edges: the HAS_TOPIC edges of one paper with their properties.
// Returns: topic_id, score, primary
/*
:params {id: "W4223477124"}
*/
MATCH (:Paper {id: $id})-[h:HAS_TOPIC]->(t:Topic)
RETURN t.id AS topic_id, h.score AS score, h.primary AS primary
