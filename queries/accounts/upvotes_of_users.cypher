// accounts/upvotes_of_users: the papers each user upvoted, newest upvote first (then id), after a
// keyset cursor ($after_key: [at, id], or null), at most $limit.
// Returns: of_id, item_id, sort_key, total
/*
:params {user_ids: ["U1"], after_key: null, limit: 21}
*/
UNWIND $user_ids AS of_id
MATCH (u:User {id: of_id})
CALL (u) {
  MATCH (u)-[v:UPVOTED]->(p:Paper)
  WITH p, coalesce(toString(v.at), '') AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND p.id > $after_key[1])
  RETURN p.id AS item_id, sort_key
  ORDER BY sort_key DESC, item_id
  LIMIT $limit
}
RETURN of_id, item_id, sort_key, COUNT { (u)-[:UPVOTED]->(:Paper) } AS total
