// topics/map_details: for the topics of a topic map, their names and hierarchy (subfield, field,
// domain), and the CO_OCCURS links among them with the papers they share and their NPMI over the
// papers that carry a topic, from the read model's stored counts (as in topics/adjacent).
// Returns: topics [{id, name, subfield, field, domain}], links [{source, target, papers, npmi}]
/*
:params {topic_ids: ["T10399", "T11278"]}
*/
OPTIONAL MATCH (corpus:Corpus {id: 'corpus'})
WITH toFloat(coalesce(corpus.topical_papers, 0)) AS n
UNWIND $topic_ids AS topic_id
MATCH (t:Topic {id: topic_id})
OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(s:Topic)
OPTIONAL MATCH (s)-[:SUBTOPIC_OF]->(f:Topic)
OPTIONAL MATCH (f)-[:SUBTOPIC_OF]->(d:Topic)
WITH n, collect(t) AS shown,
     collect({id: t.id, name: t.name, subfield: s.name, field: f.name, domain: d.name}) AS topics
CALL (shown, n) {
  UNWIND shown AS t
  MATCH (t)-[c:CO_OCCURS]->(u:Topic)
  WHERE u IN shown
  WITH t, u, c.papers AS papers, n, toFloat(t.papers) AS n_t, toFloat(u.papers) AS n_u
  RETURN collect({source: t.id, target: u.id, papers: papers,
                  npmi: CASE WHEN papers >= n THEN 1.0
                             ELSE log(papers * n / (n_t * n_u)) / -log(papers / n) END}) AS links
}
RETURN topics, links
