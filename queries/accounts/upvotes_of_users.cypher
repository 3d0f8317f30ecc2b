// accounts/upvotes_of_users: the papers each user upvoted, newest upvote first (then id), after a
// keyset cursor ($after_key: [at, id], or null), at most $limit.
// sort_key is the upvote's time as 20-digit epoch nanoseconds: as strings they order as the
// times do (a datetime's own string has 3, 6 or 9 fraction digits and would not).
// Returns: of_id, item_id, sort_key, total
/*
:params {user_ids: ["U1"], after_key: null, limit: 21}
*/
UNWIND $user_ids AS of_id
MATCH (u:User {id: of_id})
CALL (u) {
  MATCH (u)-[v:UPVOTED]->(p:Paper)
  WITH p, CASE WHEN v.at IS NULL THEN ''
       ELSE right('0000000000000000000' + toString(v.at.epochSeconds * 1000000000 + v.at.nanosecond), 20)
       END AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND p.id > $after_key[1])
  RETURN p.id AS item_id, sort_key
  ORDER BY sort_key DESC, item_id
  LIMIT $limit
}
RETURN of_id, item_id, sort_key, COUNT { (u)-[:UPVOTED]->(:Paper) } AS total
