// accounts/claims_on_researcher: the claims on a researcher record, and whether it exists.
// Returns: researcher_exists, claims (list of {id, user_id, status})
/*
:params {researcher_id: "A1"}
*/
OPTIONAL MATCH (r:Researcher {id: $researcher_id})
OPTIONAL MATCH (u:User)-[c:CLAIMED]->(r)
RETURN r IS NOT NULL AS researcher_exists,
       [x IN collect(CASE WHEN c IS NULL THEN null ELSE {id: c.id, user_id: u.id, status: c.status} END)
        WHERE x IS NOT NULL] AS claims
