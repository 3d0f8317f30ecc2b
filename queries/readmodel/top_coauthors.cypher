// readmodel/top_coauthors: counts each given researcher's top co-authors again from its COAUTHOR
// edges: the first $keep by shared works (descending), then id, as two lists (`top_coauthors`,
// `top_coauthor_works`; absent with no co-author). `kg derive --full`, after rebuilding the edges,
// and an ingest batch's move when a pair inside a full list fell (derive/move_top_coauthors).
// Returns: researchers
/*
:params {researcher_ids: ["A5023888391"], keep: 100}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[c:COAUTHOR]-(o)
  WITH o.id AS id, c.works AS works
  ORDER BY works DESC, id
  LIMIT $keep
  RETURN collect(id) AS ids, collect(works) AS works
}
SET r.top_coauthors = CASE WHEN size(ids) > 0 THEN ids END,
    r.top_coauthor_works = CASE WHEN size(ids) > 0 THEN works END
RETURN count(r) AS researchers
