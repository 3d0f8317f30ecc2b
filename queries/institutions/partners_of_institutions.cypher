// institutions/partners_of_institutions: each institution's partner institutions (PARTNER, a
// derived edge: papers whose authorships name both), most co-authored works first, then id, after
// a keyset cursor ($after_key: [works, id], or null), at most $limit each, with the number of
// partners. Expands from each institution over its PARTNER edges only.
// Returns: of_id, institution_id, sort_key, total
/*
:params {institution_ids: ["I134085113"], after_key: null, limit: 21}
*/
UNWIND $institution_ids AS of_id
MATCH (i:Institution {id: of_id})
CALL (i) {
  MATCH (i)-[c:PARTNER]-(o:Institution)
  WITH o, c.works AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND o.id > $after_key[1])
  RETURN o, sort_key
  ORDER BY sort_key DESC, o.id
  LIMIT $limit
}
RETURN of_id, o.id AS institution_id, sort_key, COUNT { (i)-[:PARTNER]-() } AS total
