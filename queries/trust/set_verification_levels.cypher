// trust/set_verification_levels: sets the verification_level and claimed flag of the given
// researchers ($researcher_ids), or of every researcher when it is null, among those whose
// internal ids lie in [$first, $first + $size) (one bounded transaction per chunk).
// L0 imported record; L1 has an ORCID; L2 an account's claim on it was approved; L3 approved and
// either the claimant's verified ORCID is the researcher's ORCID or the approved evidence is an
// institutional e-mail (evidence_kind `institutional_email`). ORCIDs compare on their last
// 19 characters, so `https://orcid.org/0000-...` equals `0000-...`.
// Returns: level, researchers
/*
:params {researcher_ids: null, first: 0, size: 100000}
*/
MATCH (r:Researcher)
WHERE id(r) IN range($first, $first + $size - 1)
  AND ($researcher_ids IS NULL OR r.id IN $researcher_ids)
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
     END AS level, size(approved_claims) > 0 AS claimed
// only the researchers whose level or flag changes are written: a first compute on a bulk load
// (every level 0) writes the ORCID holders, not every researcher, in its one transaction
CALL (r, level, claimed) {
  WITH r WHERE r.verification_level IS NULL OR r.verification_level <> level
            OR r.claimed IS NULL OR r.claimed <> claimed
  SET r.verification_level = level, r.claimed = claimed
}
RETURN level, count(r) AS researchers
ORDER BY level
