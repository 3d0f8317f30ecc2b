// ingest/rename_papers: gives an arXiv-only Paper the id of the OpenAlex work it turned out to be
// (its edges and stored figures stay; the writer then writes the work over it).
// Returns: renamed
/*
:params {renames: [{from: "arxiv:2204.05114", to: "W4223477124"}]}
*/
UNWIND $renames AS row
MATCH (p:Paper {id: row.from})
WHERE NOT EXISTS { MATCH (:Paper {id: row.to}) }
SET p.id = row.to
RETURN count(p) AS renamed
