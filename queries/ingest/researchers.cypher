// ingest/researchers: upserts researchers named by authorships; a known ORCID or name is kept
// when a record lacks it.
// Returns: researchers
/*
:params {researchers: [{id: "A1", name: "Philip A. Allen", name_key: "philip a allen", orcid: "0000-0002-7543-7042"}]}
*/
UNWIND $researchers AS row
MERGE (r:Researcher {id: row.id})
ON CREATE SET r.verification_level = 0, r.claimed = false, r.open_to_collaborate = false
SET r.name = coalesce(row.name, r.name), r.name_key = coalesce(row.name_key, r.name_key),
    r.orcid = coalesce(row.orcid, r.orcid)
RETURN count(r) AS researchers
