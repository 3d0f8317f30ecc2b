// readmodel/novelty_stale: whether every paper's novelty must be re-decided (a batch asked for
// a re-basing, an earlier one was interrupted, or the Corpus has no drift baseline yet).
// Returns: stale
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
RETURN c IS NULL OR coalesce(c.novelty_stale, true) OR c.novelty_n_min IS NULL AS stale
