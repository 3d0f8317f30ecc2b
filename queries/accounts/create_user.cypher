// accounts/create_user: creates a user account with the hash of its API token (never the token).
// Returns: id, email, name, roles, orcid
/*
:params {id: "U1", email: "ada@example.org", name: "Ada", roles: ["admin"], token_hash: "ab12", orcid: null}
*/
CREATE (u:User {id: $id, email: $email, name: $name, roles: $roles, token_hash: $token_hash,
                orcid: $orcid, created_at: datetime()})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.orcid AS orcid
