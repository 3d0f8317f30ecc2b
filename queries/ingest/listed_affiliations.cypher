// ingest/listed_affiliations: makes each researcher's LISTS_AFFILIATION edges exactly those of
// their profile, with the years the profile gives (the facts AFFILIATED_WITH is partly derived from).
// Returns: researchers
/*
:params {researchers: [{id: "A1", affiliations: [{institution_id: "I1", years: [2014, 2021]}]}]}
*/
UNWIND $researchers AS row
MATCH (r:Researcher {id: row.id})
CALL (r, row) {
  MATCH (r)-[old:LISTS_AFFILIATION]->(i:Institution)
  WHERE NONE(x IN row.affiliations WHERE x.institution_id = i.id)
  DELETE old
}
CALL (r, row) {
  UNWIND row.affiliations AS affiliation
  MATCH (i:Institution {id: affiliation.institution_id})
  MERGE (r)-[l:LISTS_AFFILIATION]->(i)
  SET l.years = affiliation.years
}
RETURN count(r) AS researchers
