// topics/trending: the topics of one level with the most works published in or after a year
// (a work counts for a topic if one of its topics is that topic or lies under it).
// Returns: id, name, level, works
/*
:params {since_year: 2020, level: "topic", first: 10}
*/
MATCH (p:Paper)
WHERE p.year >= $since_year
MATCH (p)-[:HAS_TOPIC]->(:Topic)-[:SUBTOPIC_OF*0..3]->(x:Topic)
WHERE x.level = $level
WITH x, count(DISTINCT p) AS works
ORDER BY works DESC, x.id
LIMIT $first
RETURN x.id AS id, x.name AS name, x.level AS level, works
