// pending_references: every waiting reference as the papers list it (pending_refs) and as their
// pending_key spells it ('|id|id|', null when none).
// Returns: listed [[paper, ref]], keyed [[paper, ref]]
CALL () {
  MATCH (p:Paper)
  UNWIND p.pending_refs AS ref
  RETURN collect([p.id, ref]) AS listed
}
CALL () {
  MATCH (p:Paper)
  WHERE p.pending_key IS NOT NULL
  UNWIND [ref IN split(p.pending_key, '|') WHERE ref <> ''] AS ref
  RETURN collect([p.id, ref]) AS keyed
}
RETURN listed, keyed
