// derive/cooccurrence_of: derives CO_OCCURS of the given topics from HAS_TOPIC: one edge per pair
// of topics assigned to the same paper, directed from the smaller id, with the number of papers.
// No weight is stored: NPMI (and any other weight of the pair) depends on the paper counts of
// both topics, which move with every ingest, so the topic services compute it where it is read
// and an ingest touches only the pairs of the papers it changed.
// Returns: pairs
/*
:params {topic_ids: ["T1"]}
*/
UNWIND $topic_ids AS tid
MATCH (t:Topic {id: tid})<-[:HAS_TOPIC]-(p:Paper)-[:HAS_TOPIC]->(u:Topic)
WHERE t <> u
WITH t, u, count(p) AS papers
WITH CASE WHEN t.id < u.id THEN t ELSE u END AS a,
     CASE WHEN t.id < u.id THEN u ELSE t END AS b, papers
MERGE (a)-[c:CO_OCCURS]->(b)
SET c.papers = papers
RETURN count(c) AS pairs
