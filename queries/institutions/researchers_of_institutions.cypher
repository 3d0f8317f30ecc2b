// institutions/researchers_of_institutions: each institution's researchers (AFFILIATED_WITH), most
// works there first (then id), after a keyset cursor ($after_key: [works, id] of the last one
// seen, or null), at most $limit each. Expands from each institution only.
// Returns: of_id, researcher_id, sort_key, total
/*
:params {institution_ids: ["I134085113"], after_key: null, limit: 21}
*/
UNWIND $institution_ids AS of_id
MATCH (i:Institution {id: of_id})
CALL (i) {
  MATCH (i)<-[f:AFFILIATED_WITH]-(r:Researcher)
  WITH r, coalesce(f.works, 0) AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND r.id > $after_key[1])
  RETURN r, sort_key
  ORDER BY sort_key DESC, r.id
  LIMIT $limit
}
RETURN of_id, r.id AS researcher_id, sort_key, COUNT { (i)<-[:AFFILIATED_WITH]-() } AS total
