// topics/by_id: the topics with these ids (ids not in the graph give no row).
// Returns: id, name, level
/*
:params {topic_ids: ["T10965"]}
*/
UNWIND $topic_ids AS topic_id
MATCH (t:Topic {id: topic_id})
RETURN t.id AS id, t.name AS name, t.level AS level
