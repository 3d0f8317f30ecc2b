// derive/move_affiliations: moves AFFILIATED_WITH edges by the change of an ingest batch, one row
// per (researcher, institution) pair its papers' authorships named before or after. A pair that
// only gained papers takes works by the delta and widens its first and last year by their years
// (an index seek of both ends and an expansion between them); a pair that lost an authorship or
// whose paper moved year (recount) is counted again from the researcher's own authorships naming
// the institution and their listed affiliation (derive/affiliations_of for one pair), and
// deleted when nothing names it.
// Returns: moved
/*
:params {pairs: [{r: "A1", i: "I1", works: 1, first_year: 2020, last_year: 2020, recount: false}]}
*/
UNWIND $pairs AS row
MATCH (r:Researcher {id: row.r}), (i:Institution {id: row.i})
CALL (r, i, row) {
  WITH r, i, row WHERE NOT row.recount
  MERGE (r)-[f:AFFILIATED_WITH]->(i)
  SET f.works = coalesce(f.works, 0) + row.works,
      f.first_year = CASE WHEN row.first_year IS NULL OR row.first_year >= f.first_year
                          THEN f.first_year ELSE row.first_year END,
      f.last_year = CASE WHEN row.last_year IS NULL OR row.last_year <= f.last_year
                         THEN f.last_year ELSE row.last_year END
}
CALL (r, i, row) {
  WITH r, i WHERE row.recount
  OPTIONAL MATCH (r)-[f:AFFILIATED_WITH]->(i)
  DELETE f
}
CALL (r, i, row) {
  WITH r, i WHERE row.recount
  CALL (r, i) {
    MATCH (r)-[a:AUTHORED]->(p:Paper)
    WHERE i.id IN a.institution_ids
    RETURN p.id AS paper_id, p.year AS year
    UNION
    MATCH (r)-[l:LISTS_AFFILIATION]->(i)
    UNWIND CASE WHEN l.years = [] THEN [null] ELSE l.years END AS year
    RETURN null AS paper_id, year
  }
  WITH r, i, count(DISTINCT paper_id) AS works, min(year) AS first_year, max(year) AS last_year
  CREATE (r)-[f:AFFILIATED_WITH]->(i)
  SET f.works = works, f.first_year = first_year, f.last_year = last_year
}
RETURN count(*) AS moved
