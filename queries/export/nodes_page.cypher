// export/nodes_page: one page of the nodes of one label in id order, after a key (each page seeks the id index).
// Returns: element_id, id, label, props
/*
:params {label: "Paper", after: "", limit: 1000}
*/
CALL () {
  MATCH (n:Paper) WHERE $label = 'Paper' AND n.id > $after RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  MATCH (n:Researcher) WHERE $label = 'Researcher' AND n.id > $after
  RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  MATCH (n:Topic) WHERE $label = 'Topic' AND n.id > $after RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  MATCH (n:Institution) WHERE $label = 'Institution' AND n.id > $after
  RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  MATCH (n:Source) WHERE $label = 'Source' AND n.id > $after RETURN n ORDER BY n.id LIMIT $limit
}
RETURN elementId(n) AS element_id, n.id AS id, $label AS label, properties(n) AS props
ORDER BY id
