// accounts/user_by_token_hash: the user whose API token has this hash.
// Returns: id, email, name, roles, orcid
/*
:params {token_hash: "ab12"}
*/
MATCH (u:User {token_hash: $token_hash})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.orcid AS orcid
