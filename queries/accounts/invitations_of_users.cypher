// accounts/invitations_of_users: the invitations each user sent, newest first.
// Returns: of_id, id, from_researcher_id, to_researcher_id, message, at, status
/*
:params {user_ids: ["U1"]}
*/
UNWIND $user_ids AS of_id
MATCH (u:User {id: of_id})-[i:INVITED]->(to:Researcher)
RETURN of_id, i.id AS id, i.from_researcher_id AS from_researcher_id,
       to.id AS to_researcher_id, i.message AS message, toString(i.at) AS at, i.status AS status
ORDER BY of_id, i.at DESC, id
