// accounts/create_claim: records a pending claim of a user on a researcher record, with its evidence.
// Returns: id, researcher_id, user_id, status, evidence_kind, evidence, requested_at
/*
:params {claim_id: "C1", user_id: "U1", researcher_id: "A1", evidence_kind: "orcid", evidence: "0000-0002-1825-0097"}
*/
MATCH (u:User {id: $user_id}), (r:Researcher {id: $researcher_id})
CREATE (u)-[c:CLAIMED {id: $claim_id, status: 'pending', evidence_kind: $evidence_kind,
                       evidence: $evidence, requested_at: datetime()}]->(r)
RETURN c.id AS id, r.id AS researcher_id, u.id AS user_id, c.status AS status,
       c.evidence_kind AS evidence_kind, c.evidence AS evidence, toString(c.requested_at) AS requested_at
