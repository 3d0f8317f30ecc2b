// ingest/link_references: links the listed references of each given paper (just written, its
// pending_refs holding every reference it lists): CITES to each referenced paper in the graph;
// the references to papers outside it stay in pending_refs (null when none), under the
// full-text index paper_pending_refs. Then the papers that were waiting for a given paper
// ($waiting, found by `ingest/waiting_papers` before the batch wrote: an exact lookup per id)
// cite it, each confirmed by its list as it is now. So CITES are exact after every batch
// whichever order the citing and cited papers arrive in.
// Returns: linked (CITES edges created), cited_ids (papers that gained a citation)
/*
:params {paper_ids: ["W2741809807"], waiting: [{citing: "W1", cited: ["W2741809807"]}]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
CALL (p) {
  UNWIND p.pending_refs AS ref
  OPTIONAL MATCH (q:Paper {id: ref})
  WITH p, ref, q, q IS NOT NULL AND NOT EXISTS { (p)-[:CITES]->(q) } AS gained
  CALL (p, q, gained) {
    WITH p, q WHERE gained
    MERGE (p)-[:CITES]->(q)
  }
  RETURN collect(CASE WHEN q IS NULL THEN ref END) AS waiting,
         collect(CASE WHEN gained THEN q.id END) AS cited
}
SET p.pending_refs = CASE WHEN waiting = [] THEN null ELSE waiting END
WITH sum(size(cited)) AS linked, collect(cited) AS gained
CALL () {
  UNWIND $waiting AS row
  MATCH (citing:Paper {id: row.citing})
  WITH citing, [ref IN row.cited WHERE ref IN citing.pending_refs] AS landed
  UNWIND landed AS ref
  MATCH (q:Paper {id: ref})
  MERGE (citing)-[:CITES]->(q)
  WITH citing, collect(ref) AS landed
  WITH citing, [ref IN citing.pending_refs WHERE NOT ref IN landed] AS waiting, landed
  SET citing.pending_refs = CASE WHEN waiting = [] THEN null ELSE waiting END
  RETURN sum(size(landed)) AS waited, collect(landed) AS landed
}
WITH linked + waited AS linked, gained + landed + [[null]] AS gained
UNWIND gained AS ids
UNWIND ids AS cited_id
RETURN linked, collect(DISTINCT cited_id) AS cited_ids
