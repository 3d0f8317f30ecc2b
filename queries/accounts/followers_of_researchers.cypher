// accounts/followers_of_researchers: the users following each researcher, newest follow first
// (then user id), after a keyset cursor ($after_key: [since, user id], or null), at most $limit.
// Only a follower's name leaves the service (the user id orders the page).
// Returns: of_id, item_id, name, since, sort_key, total
/*
:params {researcher_ids: ["A5027197211"], after_key: null, limit: 21}
*/
UNWIND $researcher_ids AS of_id
MATCH (r:Researcher {id: of_id})
CALL (r) {
  MATCH (r)<-[f:FOLLOWS]-(u:User)
  WITH u, coalesce(toString(f.since), '') AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND u.id > $after_key[1])
  RETURN u.id AS item_id, u.name AS name, sort_key
  ORDER BY sort_key DESC, item_id
  LIMIT $limit
}
RETURN of_id, item_id, name, sort_key AS since, sort_key, COUNT { (r)<-[:FOLLOWS]-(:User) } AS total
