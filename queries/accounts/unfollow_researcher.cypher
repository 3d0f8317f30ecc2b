// accounts/unfollow_researcher: the user stops following the researcher (idempotent).
// Stores the follower count on the researcher (read model).
// Returns: followers (after the change); no row when the researcher is unknown
/*
:params {user_id: "U1", researcher_id: "A1"}
*/
MATCH (r:Researcher {id: $researcher_id})
OPTIONAL MATCH (:User {id: $user_id})-[f:FOLLOWS]->(r)
DELETE f
WITH DISTINCT r
SET r.followers = COUNT { (r)<-[:FOLLOWS]-() }
RETURN r.followers AS followers
