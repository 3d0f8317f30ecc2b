// ingest/link_references: links the listed references of each given paper (just written, its
// pending_refs holding every reference it lists): CITES to each referenced paper in the graph;
// the references to papers outside it stay in pending_refs and in pending_key, the same ids as
// one string '|id|id|' (both null when none) under a TEXT index. Then the papers that were waiting
// for a given paper cite it: found by `pending_key CONTAINS '|id|'`, a text-index scan, never a
// scan of every paper's references (its list confirms the match: an id may hold a '|'). So
// CITES are exact after every batch whichever order the citing and cited papers arrive in.
// Returns: linked (CITES edges created), cited_ids (papers that gained a citation)
/*
:params {paper_ids: ["W2741809807"]}
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
SET p.pending_refs = CASE WHEN waiting = [] THEN null ELSE waiting END,
    p.pending_key = CASE WHEN waiting = [] THEN null
                         ELSE '|' + reduce(key = '', ref IN waiting | key + ref + '|') END
WITH p, cited
CALL (p) {
  MATCH (citing:Paper)
  WHERE citing.pending_key CONTAINS '|' + p.id + '|' AND p.id IN citing.pending_refs
  MERGE (citing)-[:CITES]->(p)
  WITH citing, [ref IN citing.pending_refs WHERE ref <> p.id] AS waiting
  SET citing.pending_refs = CASE WHEN waiting = [] THEN null ELSE waiting END,
      citing.pending_key = CASE WHEN waiting = [] THEN null
                                ELSE '|' + reduce(key = '', ref IN waiting | key + ref + '|') END
  RETURN count(citing) AS waited
}
WITH sum(size(cited) + waited) AS linked,
     collect(cited + CASE WHEN waited > 0 THEN [p.id] ELSE [] END) + [[null]] AS gained
UNWIND gained AS ids
UNWIND ids AS cited_id
RETURN linked, collect(DISTINCT cited_id) AS cited_ids
