// accounts/upvote_paper: the user upvotes the paper, at most once.
// Returns: upvotes (listing upvotes + user upvotes), created (false when the user had upvoted already);
// no row when the paper is unknown. Stores the sum as the paper's `votes` (read model, trending).
/*
:params {user_id: "U1", paper_id: "W1"}
*/
MATCH (p:Paper {id: $paper_id})
MATCH (u:User {id: $user_id})
OPTIONAL MATCH (u)-[existing:UPVOTED]->(p)
WITH p, u, existing IS NULL AS created
MERGE (u)-[v:UPVOTED]->(p)
ON CREATE SET v.at = datetime()
WITH p, created
SET p.votes = coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() }
RETURN p.votes AS upvotes, created
