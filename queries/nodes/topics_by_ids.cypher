// nodes/topics_by_ids: topics by id (missing ids are left out), with their parent and stored paper count.
// Returns: id, name, level, parent_id, papers
/*
:params {ids: ["T10965"]}
*/
UNWIND $ids AS id
MATCH (t:Topic {id: id})
OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(parent)
RETURN t.id AS id, t.name AS name, t.level AS level, parent.id AS parent_id,
       coalesce(t.papers, 0) AS papers
