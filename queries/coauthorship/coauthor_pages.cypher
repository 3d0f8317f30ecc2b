// coauthorship/coauthor_pages: one page of co-authors for each requested researcher, most shared works first,
// then the most recent last year (unknown years sort as -1), then id; keyset-paged: `after` is the
// sort key of the last co-author already seen (or null for the first page). Fetch limit = page
// size + 1 to learn whether another page follows.
// Returns: researcher_id, total_count, coauthors [{id, name, shared_works, first_year, last_year, recency}]
/*
:params {requests: [{researcher_id: "A5023888391", after: null}], limit: 26}
*/
UNWIND $requests AS request
MATCH (r:Researcher {id: request.researcher_id})
CALL (r, request) {
  MATCH (r)-[c:COAUTHOR]-(o:Researcher)
  WITH o, c, coalesce(c.last_year, -1) AS recency
  WHERE request.after IS NULL
     OR c.works < request.after.works
     OR (c.works = request.after.works
         AND (recency < request.after.recency
              OR (recency = request.after.recency AND o.id > request.after.id)))
  WITH o, c, recency
  ORDER BY c.works DESC, recency DESC, o.id
  LIMIT $limit
  RETURN collect({id: o.id, name: o.name, shared_works: c.works, first_year: c.first_year,
                  last_year: c.last_year, recency: recency}) AS coauthors
}
RETURN r.id AS researcher_id, COUNT { (r)-[:COAUTHOR]-() } AS total_count, coauthors
