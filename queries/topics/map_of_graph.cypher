// topics/map_of_graph: the topics (level "topic") that most papers carry, for the topic map.
// Returns: id, papers
/*
:params {first: 40}
*/
MATCH (t:Topic)
WHERE t.level = 'topic'
WITH t, coalesce(t.papers, 0) AS papers
WHERE papers > 0
ORDER BY papers DESC, t.id
LIMIT $first
RETURN t.id AS id, papers
