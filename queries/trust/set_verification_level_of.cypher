// trust/set_verification_level_of: re-derives one researcher's verification level and `claimed`
// (after a claim is decided), by the rules of trust/walk_slice, starting from the
// researcher's id.
// Returns: level (no row when the researcher is unknown)
/*
:params {researcher_id: "A5023888391"}
*/
MATCH (r:Researcher {id: $researcher_id})
WITH r, [(u:User)-[c:CLAIMED {status: 'approved'}]->(r) |
  CASE
    WHEN u.orcid IS NOT NULL AND r.orcid IS NOT NULL
         AND toUpper(right(u.orcid, 19)) = toUpper(right(r.orcid, 19)) THEN 3
    WHEN c.evidence_kind = 'institutional_email' THEN 3
    ELSE 2
  END] AS approved_claims
WITH r, approved_claims,
     CASE
       WHEN 3 IN approved_claims THEN 3
       WHEN size(approved_claims) > 0 THEN 2
       WHEN r.orcid IS NOT NULL THEN 1
       ELSE 0
     END AS level
SET r.verification_level = level, r.claimed = size(approved_claims) > 0
RETURN level
