// nodes/topics_by_ids: topics by id (missing ids are left out), with their parent and stored paper
// count; each field read only when $shown.topic names it (else null; kg/nodes.py Shown).
// Returns: id, name, level, parent_id, papers
/*
:params {ids: ["T10965"], shown: {topic: {name: true, level: true, parent_id: true, papers: true}}}
*/
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN t.id AS id, CASE WHEN $shown.topic.name THEN t.name END AS name,
       CASE WHEN $shown.topic.level THEN t.level END AS level,
       CASE WHEN $shown.topic.parent_id
            THEN head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(parent) RETURN parent.id }) END
         AS parent_id,
       CASE WHEN $shown.topic.papers THEN coalesce(t.papers, 0) END AS papers
