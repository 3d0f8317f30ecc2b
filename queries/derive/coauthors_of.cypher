// derive/coauthors_of: derives the COAUTHOR edges of the given researchers from AUTHORED: one
// edge per pair, directed from the smaller id to the larger, with the shared works, first and last
// year and a collaboration weight (sum over shared papers of 1 / (authors - 1), Newman 2001).
// Papers with more than $max_authors authors are left out (consortium papers). Each term is
// rounded to a multiple of 2^-40 (1099511627776), so the sum is exact whatever the order: the
// ingest's deltas (derive/move_coauthors) and the bulk path give the same float to the bit.
// Returns: pairs
/*
:params {researcher_ids: ["A1"], max_authors: 200}
*/
UNWIND $researcher_ids AS rid
MATCH (r:Researcher {id: rid})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(o:Researcher)
WHERE p.author_count <= $max_authors
WITH r, o, count(p) AS works, min(p.year) AS first_year, max(p.year) AS last_year,
     collect(p.author_count) AS author_counts
WITH r, o, works, first_year, last_year,
     reduce(w = 0.0, n IN author_counts | w + round(1099511627776.0 / (n - 1)) / 1099511627776.0)
       AS weight
WITH CASE WHEN r.id < o.id THEN r ELSE o END AS a,
     CASE WHEN r.id < o.id THEN o ELSE r END AS b,
     works, first_year, last_year, weight
MERGE (a)-[c:COAUTHOR]->(b)
SET c.works = works, c.first_year = first_year, c.last_year = last_year, c.weight = weight
RETURN count(c) AS pairs
