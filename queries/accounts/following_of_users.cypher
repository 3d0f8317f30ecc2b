// accounts/following_of_users: the researchers each user follows, newest follow first (then id),
// after a keyset cursor ($after_key: [since, id] of the last one seen, or null), at most $limit.
// Returns: of_id, item_id, sort_key, total
/*
:params {user_ids: ["U1"], after_key: null, limit: 21}
*/
UNWIND $user_ids AS of_id
MATCH (u:User {id: of_id})
CALL (u) {
  MATCH (u)-[f:FOLLOWS]->(r:Researcher)
  WITH r, coalesce(toString(f.since), '') AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND r.id > $after_key[1])
  RETURN r.id AS item_id, sort_key
  ORDER BY sort_key DESC, item_id
  LIMIT $limit
}
RETURN of_id, item_id, sort_key, COUNT { (u)-[:FOLLOWS]->(:Researcher) } AS total
