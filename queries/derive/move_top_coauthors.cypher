// derive/move_top_coauthors: moves each given researcher's stored top co-authors (readmodel/
// top_coauthors) after derive/move_coauthors changed the shared works of its pairs with the
// `changed` co-authors, given with their shared works now (0: the pair is gone; derive/
// move_coauthors returns them, so no pair is looked up again here). The old list merged with
// the changed pairs' works (gone pairs dropped) is exact, since every co-author outside a list
// ranks after its last one and none of those fell; only when the list is full and one of its
// pairs fell or left is it recounted from the researcher's COAUTHOR edges, so a batch reads no
// hub's edges otherwise.
// Returns: researchers
/*
:params {researchers: [{id: "A1", changed: [{id: "A2", works: 1}]}], keep: 100}
*/
UNWIND $researchers AS row
MATCH (r:Researcher {id: row.id})
WITH r, row, coalesce(r.top_coauthors, []) AS ids, coalesce(r.top_coauthor_works, []) AS works
WITH r, [i IN range(0, size(ids) - 1) | {id: ids[i], works: works[i]}] AS old,
     row.changed AS changed
WITH r, old, changed,
     size(old) >= $keep
       AND any(o IN old WHERE any(x IN changed WHERE x.id = o.id AND x.works < o.works)) AS fell
CALL (r, old, changed, fell) {
  CALL (r, old, changed, fell) {
    WITH r WHERE fell
    MATCH (r)-[c:COAUTHOR]-(o)
    RETURN o.id AS id, c.works AS works
    UNION ALL
    WITH old, changed WHERE NOT fell
    UNWIND [o IN old WHERE NOT o.id IN [x IN changed | x.id]] + [x IN changed WHERE x.works > 0]
      AS x
    RETURN x.id AS id, x.works AS works
  }
  WITH id, works
  ORDER BY works DESC, id
  LIMIT $keep
  RETURN collect(id) AS ids, collect(works) AS works
}
SET r.top_coauthors = CASE WHEN size(ids) > 0 THEN ids END,
    r.top_coauthor_works = CASE WHEN size(ids) > 0 THEN works END
RETURN count(r) AS researchers
