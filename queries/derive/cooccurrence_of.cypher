// derive/cooccurrence_of: derives CO_OCCURS of the given topics from HAS_TOPIC: one edge per pair
// of topics assigned to the same paper, directed from the smaller id, with the number of papers
// and the Jaccard weight papers / (papers of a + papers of b - papers). (NPMI, which depends on
// the size of the whole graph, is computed at query time by the topic services.)
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
WITH a, b, papers, COUNT { (a)<-[:HAS_TOPIC]-() } AS papers_a, COUNT { (b)<-[:HAS_TOPIC]-() } AS papers_b
MERGE (a)-[c:CO_OCCURS]->(b)
SET c.papers = papers, c.weight = toFloat(papers) / (papers_a + papers_b - papers)
RETURN count(c) AS pairs
