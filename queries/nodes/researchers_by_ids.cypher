// nodes/researchers_by_ids: researchers by id (missing ids are left out), each field read only when
// $shown.researcher names it (else null; kg/nodes.py Shown).
// Returns: id, name, orcid, alt_names, open_to_collaborate
/*
:params {ids: ["A5103059223"], shown: {researcher: {name: true, orcid: true, alt_names: true, open_to_collaborate: true}}}
*/
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN r.id AS id, CASE WHEN $shown.researcher.name THEN r.name END AS name,
       CASE WHEN $shown.researcher.orcid THEN r.orcid END AS orcid,
       CASE WHEN $shown.researcher.alt_names THEN coalesce(r.alt_names, []) END AS alt_names,
       CASE WHEN $shown.researcher.open_to_collaborate
            THEN coalesce(r.open_to_collaborate, false) END AS open_to_collaborate
