// accounts/decide_claim: approves or rejects a pending claim; an approval marks the researcher claimed.
// Returns: id, researcher_id, user_id, status, evidence_kind, evidence, requested_at
/*
:params {claim_id: "C1", status: "approved", note: null, reviewer_id: "U2"}
*/
MATCH (u:User)-[c:CLAIMED {id: $claim_id}]->(r:Researcher)
WHERE c.status = 'pending'
SET c.status = $status, c.decided_at = datetime(), c.note = $note, c.reviewer_id = $reviewer_id
SET r.claimed = r.claimed OR $status = 'approved'
RETURN c.id AS id, r.id AS researcher_id, u.id AS user_id, c.status AS status,
       c.evidence_kind AS evidence_kind, c.evidence AS evidence, toString(c.requested_at) AS requested_at
