// paper_author_ids: the researchers who authored one paper, with their position.
// Returns: researcher_id, position
/*
:params {id: "W2741809807"}
*/
MATCH (p:Paper {id: $id})<-[a:AUTHORED]-(r:Researcher)
RETURN r.id AS researcher_id, a.position AS position
