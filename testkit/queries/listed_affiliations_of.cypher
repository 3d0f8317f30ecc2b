// listed_affiliations_of: the affiliations one researcher's profile lists, with their years.
// Returns: institution_id, years
/*
:params {id: "A5002041459"}
*/
MATCH (r:Researcher {id: $id})-[l:LISTS_AFFILIATION]->(i:Institution)
RETURN i.id AS institution_id, l.years AS years
