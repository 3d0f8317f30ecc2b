// pending_references: every wait of the pending-reference index, as the papers list it
// (pending_refs) and as the graph indexes it (AWAITS edges to PendingRef nodes), with how many
// PendingRef nodes there are.
// Returns: listed [[paper, ref]], awaited [[paper, ref]], pending_ref_nodes
CALL () {
  MATCH (p:Paper)
  UNWIND p.pending_refs AS ref
  RETURN collect([p.id, ref]) AS listed
}
CALL () {
  MATCH (p:Paper)-[:AWAITS]->(r:PendingRef)
  RETURN collect([p.id, r.id]) AS awaited
}
CALL () {
  MATCH (r:PendingRef)
  RETURN count(r) AS pending_ref_nodes
}
RETURN listed, awaited, pending_ref_nodes
