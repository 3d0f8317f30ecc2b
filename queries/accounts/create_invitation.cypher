// accounts/create_invitation: the user, acting for the researcher they claimed, invites another researcher.
// Returns: id, from_researcher_id, to_researcher_id, message, at, status
/*
:params {invitation_id: "V1", user_id: "U1", from_researcher_id: "A1", to_researcher_id: "A2", message: "Hello"}
*/
MATCH (u:User {id: $user_id}), (to:Researcher {id: $to_researcher_id})
CREATE (u)-[i:INVITED {id: $invitation_id, from_researcher_id: $from_researcher_id,
                       message: $message, at: datetime(), status: 'sent'}]->(to)
RETURN i.id AS id, i.from_researcher_id AS from_researcher_id, to.id AS to_researcher_id,
       i.message AS message, toString(i.at) AS at, i.status AS status
