// ingest/topics: upserts topics of any level and their SUBTOPIC_OF edge to the parent level
// (topic -> subfield -> field -> domain).
// Returns: topics
/*
:params {topics: [{id: "T10965", name: "Geological formations", level: "topic", parent_id: "subfields/1904"}]}
*/
UNWIND $topics AS row
MERGE (t:Topic {id: row.id})
SET t.name = coalesce(row.name, t.name), t.level = row.level
WITH t, row WHERE row.parent_id IS NOT NULL
MERGE (parent:Topic {id: row.parent_id})
MERGE (t)-[:SUBTOPIC_OF]->(parent)
RETURN count(t) AS topics
