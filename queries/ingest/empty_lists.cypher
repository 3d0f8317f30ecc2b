// ingest/empty_lists: after a bulk load, gives the papers whose internal ids lie in
// [$first, $first + $size) the empty lists the transactional path stores (the offline importer
// cannot write an empty list: it leaves the property out): `categories` and `pending_refs` of
// the paper, `institution_ids` of its AUTHORED relationships.
// Returns: papers
/*
:params {first: 0, size: 50000}
*/
MATCH (p:Paper)
WHERE id(p) IN range($first, $first + $size - 1)
CALL (p) {
  WITH p WHERE p.categories IS NULL OR p.pending_refs IS NULL
  SET p.categories = coalesce(p.categories, []), p.pending_refs = coalesce(p.pending_refs, [])
}
CALL (p) {
  MATCH (p)<-[a:AUTHORED]-()
  WHERE a.institution_ids IS NULL
  SET a.institution_ids = []
}
RETURN count(p) AS papers
