// accounts/follow_researcher: the user follows the researcher (idempotent).
// Stores the follower count on the researcher (read model; the edge locks the researcher, so
// concurrent follows count in turn).
// Returns: followers (of the researcher, after the change); no row when the researcher is unknown
/*
:params {user_id: "U1", researcher_id: "A1"}
*/
MATCH (r:Researcher {id: $researcher_id})
MATCH (u:User {id: $user_id})
MERGE (u)-[f:FOLLOWS]->(r)
ON CREATE SET f.since = datetime()
WITH r
SET r.followers = COUNT { (r)<-[:FOLLOWS]-() }
RETURN r.followers AS followers
