// ingest/resolve_citations: turns queued references into CITES edges wherever the cited paper is now
// in the graph; what stays queued is a reference to a paper outside the graph.
// Returns: linked (CITES edges merged), cited_ids (papers that gained a citation)
MATCH (p:Paper)
WHERE size(p.pending_refs) > 0
UNWIND p.pending_refs AS ref
MATCH (q:Paper {id: ref})
MERGE (p)-[:CITES]->(q)
WITH p, collect(ref) AS linked_refs
SET p.pending_refs = [ref IN p.pending_refs WHERE NOT ref IN linked_refs]
WITH linked_refs
UNWIND linked_refs AS ref
RETURN count(ref) AS linked, collect(DISTINCT ref) AS cited_ids
