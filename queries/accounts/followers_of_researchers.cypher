// accounts/followers_of_researchers: the users following each researcher, newest follow first
// (then user id), after a keyset cursor ($after_key: [since, user id], or null), at most $limit.
// Only a follower's name leaves the service (the user id orders the page). sort_key is the
// follow's time as 20-digit epoch nanoseconds: as strings they order as the times do (a
// datetime's own string has 3, 6 or 9 fraction digits and would not).
// Returns: of_id, item_id, name, since, sort_key, total
/*
:params {researcher_ids: ["A5027197211"], after_key: null, limit: 21}
*/
UNWIND $researcher_ids AS of_id
MATCH (r:Researcher {id: of_id})
CALL (r) {
  MATCH (r)<-[f:FOLLOWS]-(u:User)
  WITH u, f, CASE WHEN f.since IS NULL THEN ''
       ELSE right('0000000000000000000' + toString(f.since.epochSeconds * 1000000000 + f.since.nanosecond), 20)
       END AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND u.id > $after_key[1])
  RETURN u.id AS item_id, u.name AS name, toString(f.since) AS since, sort_key
  ORDER BY sort_key DESC, item_id
  LIMIT $limit
}
RETURN of_id, item_id, name, since, sort_key, COUNT { (r)<-[:FOLLOWS]-(:User) } AS total
