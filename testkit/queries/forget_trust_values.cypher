// forget_trust_values: removes trust values of some researchers and institutions, as a trust
// write-back cut short leaves them (tests).
// Returns: researchers, institutions
/*
:params {researcher_ids: ["A5023888391"], institution_ids: ["I1"]}
*/
CALL () {
  UNWIND $researcher_ids AS rid
  MATCH (r:Researcher {id: rid})
  REMOVE r.trust_propagated, r.trust_score, r.trust_tier, r.verification_level, r.trust_digest
  RETURN count(r) AS researchers
}
CALL () {
  UNWIND $institution_ids AS iid
  MATCH (i:Institution {id: iid})
  REMOVE i.trust_propagated, i.trust_digest
  RETURN count(i) AS institutions
}
RETURN researchers, institutions
