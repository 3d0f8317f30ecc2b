// derive/affiliations_of: derives AFFILIATED_WITH of the given researchers from the institutions
// of their authorships (works, first and last year) and from the affiliations their profiles
// list (LISTS_AFFILIATION years widen first and last year; such a listing alone gives works 0).
// Returns: affiliations
/*
:params {researcher_ids: ["A1"]}
*/
UNWIND $researcher_ids AS rid
MATCH (r:Researcher {id: rid})
CALL (r) {
  MATCH (r)-[a:AUTHORED]->(p:Paper)
  UNWIND a.institution_ids AS iid
  MATCH (i:Institution {id: iid})
  RETURN i, p.id AS paper_id, p.year AS year
  UNION
  MATCH (r)-[l:LISTS_AFFILIATION]->(i:Institution)
  UNWIND CASE WHEN l.years = [] THEN [null] ELSE l.years END AS year
  RETURN i, null AS paper_id, year
}
WITH r, i, count(DISTINCT paper_id) AS works, min(year) AS first_year, max(year) AS last_year
MERGE (r)-[f:AFFILIATED_WITH]->(i)
SET f.works = works, f.first_year = first_year, f.last_year = last_year
RETURN count(f) AS affiliations
