// readmodel/topics_missing_top_papers: the topics with a paper on them or under them
// (SUBTOPIC_OF*0..3) but no stored top papers: a store written before the lists existed. Used
// by `kg schema apply` (one pass over the Topic label, a few thousand nodes), never by requests.
// Returns: id
/*
:params {}
*/
MATCH (t:Topic)
WHERE t.top_papers IS NULL
  AND EXISTS { (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(:Paper) }
RETURN t.id AS id
