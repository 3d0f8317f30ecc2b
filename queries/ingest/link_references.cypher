// ingest/link_references: links the listed references of each given paper (just written, its
// pending_refs holding every reference it lists): CITES to each referenced paper in the graph,
// and for one outside it an AWAITS edge to the (:PendingRef {id}) node that indexes the wait;
// then the papers that were waiting for a given paper (an index seek on PendingRef.id) cite it.
// So CITES are exact after every batch whichever order the citing and cited papers arrive in,
// without scanning the waiting references of other papers. A paper's pending_refs stays equal
// to the ids its AWAITS edges name, and a PendingRef nobody awaits is deleted.
// Returns: linked (CITES edges created), cited_ids (papers that gained a citation)
/*
:params {paper_ids: ["W2741809807"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
CALL (p) {
  MATCH (p)-[w:AWAITS]->(r:PendingRef)
  WHERE NOT r.id IN p.pending_refs
  DELETE w
  WITH r WHERE NOT EXISTS { (r)<-[:AWAITS]-() }
  DELETE r
}
CALL (p) {
  UNWIND p.pending_refs AS ref
  OPTIONAL MATCH (q:Paper {id: ref})
  WITH p, ref, q, q IS NOT NULL AND NOT EXISTS { (p)-[:CITES]->(q) } AS gained
  CALL (p, ref, q) {
    WITH p, ref WHERE q IS NULL
    MERGE (r:PendingRef {id: ref})
    MERGE (p)-[:AWAITS]->(r)
  }
  CALL (p, q, gained) {
    WITH p, q WHERE gained
    MERGE (p)-[:CITES]->(q)
  }
  RETURN collect(CASE WHEN q IS NULL THEN ref END) AS waiting,
         collect(CASE WHEN gained THEN q.id END) AS cited
}
SET p.pending_refs = waiting
WITH p, cited
CALL (p) {
  OPTIONAL MATCH (citing:Paper)-[w:AWAITS]->(r:PendingRef {id: p.id})
  CALL (p, citing, w) {
    WITH p, citing, w WHERE w IS NOT NULL
    MERGE (citing)-[:CITES]->(p)
    SET citing.pending_refs = [x IN citing.pending_refs WHERE x <> p.id]
    DELETE w
  }
  WITH collect(DISTINCT r) AS indexed, count(w) AS waited
  FOREACH (r IN indexed | DELETE r)
  RETURN waited
}
WITH sum(size(cited) + waited) AS linked,
     collect(cited + CASE WHEN waited > 0 THEN [p.id] ELSE [] END) + [[null]] AS gained
UNWIND gained AS ids
UNWIND ids AS cited_id
RETURN linked, collect(DISTINCT cited_id) AS cited_ids
