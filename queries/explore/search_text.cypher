// explore/search_text: full-text hits for a Lucene query in the paper, researcher, topic and institution
// indexes: the best $first of each wanted type with its raw Lucene score. Scores of different
// indexes are not comparable; kg/search.py normalises them per type before merging.
// Returns: type, id, label, score
/*
:params {query: "basin", types: ["PAPER", "RESEARCHER", "TOPIC", "INSTITUTION"], first: 10}
*/
CALL () {
  UNWIND [t IN $types WHERE t = 'PAPER'] AS wanted
  CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: $first}) YIELD node, score
  RETURN 'PAPER' AS type, node.id AS id, node.title AS label, score
  UNION ALL
  UNWIND [t IN $types WHERE t = 'RESEARCHER'] AS wanted
  CALL db.index.fulltext.queryNodes('researcher_name', $query, {limit: $first}) YIELD node, score
  RETURN 'RESEARCHER' AS type, node.id AS id, node.name AS label, score
  UNION ALL
  UNWIND [t IN $types WHERE t = 'TOPIC'] AS wanted
  CALL db.index.fulltext.queryNodes('topic_name', $query, {limit: $first}) YIELD node, score
  RETURN 'TOPIC' AS type, node.id AS id, node.name AS label, score
  UNION ALL
  UNWIND [t IN $types WHERE t = 'INSTITUTION'] AS wanted
  CALL db.index.fulltext.queryNodes('institution_name', $query, {limit: $first}) YIELD node, score
  RETURN 'INSTITUTION' AS type, node.id AS id, node.name AS label, score
}
RETURN type, id, label, score
