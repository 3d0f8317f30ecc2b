// accounts/claims_of_users: the claims each user made, newest first.
// Returns: of_id, id, researcher_id, user_id, status, evidence_kind, evidence, requested_at
/*
:params {user_ids: ["U1"]}
*/
UNWIND $user_ids AS of_id
MATCH (u:User {id: of_id})-[c:CLAIMED]->(r:Researcher)
RETURN of_id, c.id AS id, r.id AS researcher_id, u.id AS user_id, c.status AS status,
       c.evidence_kind AS evidence_kind, c.evidence AS evidence,
       toString(c.requested_at) AS requested_at
ORDER BY of_id, c.requested_at DESC, id
