// derive/move_coauthors: moves COAUTHOR edges by the change of an ingest batch, one row per pair
// (a < b): works and weight by their deltas (weight terms are multiples of 2^-40, so the sum is
// exact in any order and equals a full re-derivation to the bit), first and last year widened by
// the years of the papers the pair gained; a pair that lost a paper of its first or last year
// (removed_years) gets its years recounted from its own shared papers. An edge left with no
// works is deleted. Both researchers' stored close_collaborators move by one when the pair's
// works cross $min_shared_works (up or down), so no batch recounts a hub's COAUTHOR edges.
// Returns: moved, shared (for each pair whose works moved, [a, b, its works now], 0 when its
// edge was deleted: derive/move_top_coauthors merges them into both ends' stored lists)
/*
:params {pairs: [{a: "A1", b: "A2", works: 1, weight: 1.0, first_year: 2020, last_year: 2020, removed_years: []}], max_authors: 200, min_shared_works: 2}
*/
UNWIND $pairs AS row
MATCH (a:Researcher {id: row.a}), (b:Researcher {id: row.b})
MERGE (a)-[c:COAUTHOR]->(b)
WITH a, b, c, row, coalesce(c.works, 0) AS was, coalesce(c.works, 0) + row.works AS works,
     any(y IN row.removed_years WHERE y = c.first_year OR y = c.last_year) AS recount
WITH a, b, c, row, works, recount,
     toInteger(works >= $min_shared_works) - toInteger(was >= $min_shared_works) AS step
CALL (c, works) {
  WITH c WHERE works <= 0
  DELETE c
}
CALL (a, b, c, row, works, recount) {
  WITH a, b, c, row, recount WHERE works > 0
  SET c.works = works, c.weight = coalesce(c.weight, 0.0) + row.weight,
      c.first_year = CASE WHEN row.first_year IS NULL OR row.first_year >= c.first_year
                          THEN c.first_year ELSE row.first_year END,
      c.last_year = CASE WHEN row.last_year IS NULL OR row.last_year <= c.last_year
                         THEN c.last_year ELSE row.last_year END
  WITH a, b, c WHERE recount
  OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b)
  WHERE p.author_count <= $max_authors
  WITH c, min(p.year) AS first_year, max(p.year) AS last_year
  SET c.first_year = first_year, c.last_year = last_year
}
WITH collect(CASE WHEN step <> 0 THEN [a, b, step] END) AS steps, count(*) AS moved,
     collect(CASE WHEN row.works <> 0 THEN [row.a, row.b, CASE WHEN works > 0 THEN works ELSE 0 END]
             END) AS shared
CALL (steps) {
  UNWIND steps AS s
  UNWIND [s[0], s[1]] AS r
  WITH r, sum(s[2]) AS step
  SET r.close_collaborators = coalesce(r.close_collaborators, 0) + step
}
RETURN moved, shared
