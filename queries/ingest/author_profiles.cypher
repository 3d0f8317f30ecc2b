// ingest/author_profiles: upserts researchers from their OpenAlex Author profiles (name, name key,
// ORCID, alternative names); a known ORCID is kept when a profile lacks it.
// Returns: researchers
/*
:params {researchers: [{id: "A1", name: "Nikolaos A. Michael", name_key: "nikolaos a michael", orcid: "0000-0002-6113-9589", alt_names: ["Nikolaos Michael"]}]}
*/
UNWIND $researchers AS row
MERGE (r:Researcher {id: row.id})
ON CREATE SET r.verification_level = 0, r.claimed = false, r.open_to_collaborate = false
SET r.name = coalesce(row.name, r.name), r.name_key = coalesce(row.name_key, r.name_key),
    r.orcid = coalesce(row.orcid, r.orcid), r.alt_names = row.alt_names
RETURN count(r) AS researchers
