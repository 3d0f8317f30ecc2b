// readmodel/pair_counts: the CO_OCCURS.papers of each distinct pair a < b of level-`topic` topics
// held by some given paper, each pair looked up once (a batch's papers share most of their
// pairs, and each lookup walks a topic's CO_OCCURS edges: readmodel/novelty reads these instead
// of looking a pair up once per paper holding it). A pair without an edge is left out.
// Returns: a, b (the topics' ids), papers (a list: one per edge, as readmodel/novelty reads it),
//   holders (the ids of the given papers holding it)
/*
:params {paper_ids: ["W2741809807"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
WITH p, [(p)-[:HAS_TOPIC]->(t:Topic) WHERE t.level = 'topic' | t] AS topics
UNWIND topics AS a
UNWIND topics AS b
WITH p, a, b
WHERE a.id < b.id
WITH a, b, collect(p.id) AS holders
WITH a, b, holders, [(a)-[pair:CO_OCCURS]->(b) | pair.papers] AS papers
WHERE papers <> []
RETURN a.id AS a, b.id AS b, papers, holders
