// readmodel/close_collaborators: counts each given researcher's close collaborators again
// (COAUTHOR edges with works >= $min_shared_works; `kg derive --full`, after rebuilding the
// edges: an ingest batch moves the stored count with the pairs, derive/move_coauthors).
// Returns: researchers
/*
:params {researcher_ids: ["A5023888391"], min_shared_works: 2}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
SET r.close_collaborators = COUNT { (r)-[c:COAUTHOR]-() WHERE c.works >= $min_shared_works }
RETURN count(r) AS researchers
