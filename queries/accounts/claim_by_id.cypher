// accounts/claim_by_id: one claim with its researcher and claimant.
// Returns: id, researcher_id, user_id, status, evidence_kind, evidence, requested_at
/*
:params {claim_id: "C1"}
*/
MATCH (u:User)-[c:CLAIMED {id: $claim_id}]->(r:Researcher)
RETURN c.id AS id, r.id AS researcher_id, u.id AS user_id, c.status AS status,
       c.evidence_kind AS evidence_kind, c.evidence AS evidence, toString(c.requested_at) AS requested_at
