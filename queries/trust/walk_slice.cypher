// trust/walk_slice: the walk nodes whose internal ids lie in [$first, $first + $size) and the
// edges leaving them, as flat parallel lists (decoded straight into arrays).
// Per node: its internal id; for a researcher its verification level and claimed flag by the
// rules below (an institution: level -1, claimed 0), its stored works and citations; and the
// digest of the trust values the last compute stored (`trust_digest`, 0 where absent), so that
// only changed nodes are written back.
// Levels: L0 imported record; L1 has an ORCID; L2 an account's claim on it was approved; L3
// approved and either the claimant's verified ORCID is the researcher's ORCID or the approved
// evidence is an institutional e-mail (evidence_kind `institutional_email`). ORCIDs compare on
// their last 19 characters, so `https://orcid.org/0000-...` equals `0000-...`
// (trust/set_verification_level_of applies the same rules to one researcher).
// Per edge: each outgoing COAUTHOR and AFFILIATED_WITH edge's source, target and walk weight as
// an integer (a COAUTHOR edge its shared works, an AFFILIATED_WITH edge -1, which kg/trust.py
// turns into the affiliation weight): one byte on the wire up to 127 works instead of a float's
// nine. Each edge leaves one node, so it is sent once.
// Returns: nodes, levels, claimed, works, citations, stored_digests, sources, targets, weights
/*
:params {first: 0, size: 50000}
*/
CALL () {
  MATCH (v:Researcher|Institution)
  WHERE id(v) IN range($first, $first + $size - 1)
  WITH v, v:Researcher AS researcher,
       [(u:User)-[c:CLAIMED {status: 'approved'}]->(v) |
        CASE
          WHEN u.orcid IS NOT NULL AND v.orcid IS NOT NULL
               AND toUpper(right(u.orcid, 19)) = toUpper(right(v.orcid, 19)) THEN 3
          WHEN c.evidence_kind = 'institutional_email' THEN 3
          ELSE 2
        END] AS approved_claims
  RETURN collect(id(v)) AS nodes,
         collect(CASE
                   WHEN NOT researcher THEN -1
                   WHEN 3 IN approved_claims THEN 3
                   WHEN size(approved_claims) > 0 THEN 2
                   WHEN v.orcid IS NOT NULL THEN 1
                   ELSE 0
                 END) AS levels,
         collect(CASE WHEN size(approved_claims) > 0 THEN 1 ELSE 0 END) AS claimed,
         collect(coalesce(v.works, 0)) AS works,
         collect(coalesce(v.citations, 0)) AS citations,
         collect(coalesce(v.trust_digest, 0)) AS stored_digests
}
CALL () {
  MATCH (v:Researcher|Institution)-[e:COAUTHOR|AFFILIATED_WITH]->(u)
  WHERE id(v) IN range($first, $first + $size - 1)
  RETURN collect(id(v)) AS sources, collect(id(u)) AS targets,
         collect(CASE type(e) WHEN 'COAUTHOR' THEN e.works ELSE -1 END) AS weights
}
RETURN nodes, levels, claimed, works, citations, stored_digests, sources, targets, weights
