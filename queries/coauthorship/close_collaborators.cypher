// coauthorship/close_collaborators: for each researcher, the co-authors sharing at least $min_shared_works
// works, ordered like coauthor_pages (shared works, then last year, then id).
// Returns: researcher_id, collaborators [{id, name, shared_works, first_year, last_year}]
/*
:params {researcher_ids: ["A5023888391"], min_shared_works: 2}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[c:COAUTHOR]-(o:Researcher)
  WHERE c.works >= $min_shared_works
  WITH o, c
  ORDER BY c.works DESC, coalesce(c.last_year, -1) DESC, o.id
  RETURN collect({id: o.id, name: o.name, shared_works: c.works, first_year: c.first_year,
                  last_year: c.last_year}) AS collaborators
}
RETURN r.id AS researcher_id, collaborators
