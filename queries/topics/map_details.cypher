// topics/map_details: for the topics of a topic map, their names and hierarchy (subfield, field,
// domain), and the CO_OCCURS links among them with the papers they share and their NPMI over the
// $papers_with_topics papers that carry a topic (as in topics/adjacent).
// Returns: topics [{id, name, subfield, field, domain}], links [{source, target, papers, npmi}]
/*
:params {topic_ids: ["T10399", "T11278"], papers_with_topics: 2600}
*/
UNWIND $topic_ids AS topic_id
MATCH (t:Topic {id: topic_id})
OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(s:Topic)
OPTIONAL MATCH (s)-[:SUBTOPIC_OF]->(f:Topic)
OPTIONAL MATCH (f)-[:SUBTOPIC_OF]->(d:Topic)
WITH collect(t) AS shown,
     collect({id: t.id, name: t.name, subfield: s.name, field: f.name, domain: d.name}) AS topics
CALL (shown) {
  UNWIND shown AS t
  MATCH (t)-[c:CO_OCCURS]->(u:Topic)
  WHERE u IN shown
  WITH t, u, c.papers AS papers, toFloat($papers_with_topics) AS n,
       toFloat(COUNT { (t)<-[:HAS_TOPIC]-(:Paper) }) AS n_t,
       toFloat(COUNT { (u)<-[:HAS_TOPIC]-(:Paper) }) AS n_u
  RETURN collect({source: t.id, target: u.id, papers: papers,
                  npmi: CASE WHEN papers >= n THEN 1.0
                             ELSE log(papers * n / (n_t * n_u)) / -log(papers / n) END}) AS links
}
RETURN topics, links
