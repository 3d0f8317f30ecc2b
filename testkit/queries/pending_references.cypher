// pending_references: every waiting reference as the papers list it (pending_refs) and as the
// full-text index paper_pending_refs finds it (a term lookup of each waiting id, escaped as
// ingest/waiting_papers escapes it).
// Returns: listed [[paper, ref]], indexed [[paper, ref]]
CALL () {
  MATCH (p:Paper)
  UNWIND p.pending_refs AS ref
  RETURN collect([p.id, ref]) AS listed
}
CALL () {
  MATCH (p:Paper)
  UNWIND p.pending_refs AS ref
  WITH DISTINCT ref
  CALL db.index.fulltext.queryNodes('paper_pending_refs',
    '"' + replace(replace(ref, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  RETURN collect([node.id, ref]) AS indexed
}
RETURN listed, indexed
