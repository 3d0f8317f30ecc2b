// accounts/following_of_users: the researchers each user follows, newest follow first (then id),
// after a keyset cursor ($after_key: [since, id] of the last one seen, or null), at most $limit.
// sort_key is the follow's time as 20-digit epoch nanoseconds: as strings they order as the
// times do (a datetime's own string has 3, 6 or 9 fraction digits and would not).
// Returns: of_id, item_id, sort_key, total
/*
:params {user_ids: ["U1"], after_key: null, limit: 21}
*/
UNWIND $user_ids AS of_id
MATCH (u:User {id: of_id})
CALL (u) {
  MATCH (u)-[f:FOLLOWS]->(r:Researcher)
  WITH r, CASE WHEN f.since IS NULL THEN ''
       ELSE right('0000000000000000000' + toString(f.since.epochSeconds * 1000000000 + f.since.nanosecond), 20)
       END AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND r.id > $after_key[1])
  RETURN r.id AS item_id, sort_key
  ORDER BY sort_key DESC, item_id
  LIMIT $limit
}
RETURN of_id, item_id, sort_key, COUNT { (u)-[:FOLLOWS]->(:Researcher) } AS total
