// nodes/institutions_of_researchers: each researcher's institutions, most works first.
// Returns: researcher_id, institution_id, works, first_year, last_year
/*
:params {researcher_ids: ["A1"]}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})-[f:AFFILIATED_WITH]->(i:Institution)
RETURN researcher_id, i.id AS institution_id, f.works AS works, f.first_year AS first_year,
       f.last_year AS last_year
ORDER BY researcher_id, works DESC, last_year DESC, institution_id
