// derive/delete_cooccurrence_of: deletes the CO_OCCURS edges of the given topics.
// Returns: deleted
/*
:params {topic_ids: ["T1"]}
*/
UNWIND $topic_ids AS tid
MATCH (:Topic {id: tid})-[c:CO_OCCURS]-()
DELETE c
RETURN count(c) AS deleted
