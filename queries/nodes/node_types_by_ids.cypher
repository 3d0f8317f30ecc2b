// nodes/node_types_by_ids: the type of each node id (for `node(id)`), looked up label by label.
// Returns: id, type
/*
:params {ids: ["W1", "A1"]}
*/
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Paper {id: id}) RETURN 'PAPER' AS type
  UNION MATCH (n:Researcher {id: id}) RETURN 'RESEARCHER' AS type
  UNION MATCH (n:Topic {id: id}) RETURN 'TOPIC' AS type
  UNION MATCH (n:Institution {id: id}) RETURN 'INSTITUTION' AS type
  UNION MATCH (n:Source {id: id}) RETURN 'SOURCE' AS type
}
RETURN id, type
