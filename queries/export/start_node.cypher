// export/start_node: the node an `--around` export starts from, looked up label by label.
// Returns: element_id
/*
:params {id: "A5085007251"}
*/
CALL () {
  MATCH (n:Paper {id: $id}) RETURN n
  UNION MATCH (n:Researcher {id: $id}) RETURN n
  UNION MATCH (n:Topic {id: $id}) RETURN n
  UNION MATCH (n:Institution {id: $id}) RETURN n
  UNION MATCH (n:Source {id: $id}) RETURN n
}
RETURN elementId(n) AS element_id
