// ingest/topics: upserts topics of any level and their SUBTOPIC_OF edge to the parent level
// (topic -> subfield -> field -> domain).
// Returns: topics, joined (the parents that gained an edge from a topic with papers under it:
// their stored top papers are recounted, readmodel/move_top_papers)
/*
:params {topics: [{id: "T10965", name: "Geological formations", level: "topic", parent_id: "subfields/1904"}]}
*/
UNWIND $topics AS row
MERGE (t:Topic {id: row.id})
SET t.name = coalesce(row.name, t.name), t.level = row.level
WITH t, row WHERE row.parent_id IS NOT NULL
MERGE (parent:Topic {id: row.parent_id})
WITH t, parent, EXISTS { (t)-[:SUBTOPIC_OF]->(parent) } AS linked
MERGE (t)-[:SUBTOPIC_OF]->(parent)
RETURN count(t) AS topics,
       collect(DISTINCT CASE WHEN NOT linked AND t.top_papers IS NOT NULL THEN parent.id END)
         AS joined
