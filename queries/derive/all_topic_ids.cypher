// derive/all_topic_ids: the id of every topic (for a full re-derivation).
// Returns: id
MATCH (t:Topic)
RETURN t.id AS id
