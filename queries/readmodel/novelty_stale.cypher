// readmodel/novelty_stale: whether every paper's novelty must be re-decided (a batch asked for
// a re-basing, an earlier one was interrupted, or the Corpus has no drift baseline yet; without
// a Corpus no paper has a level-`topic` topic, so none can be novel).
// Returns: stale
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
RETURN c IS NOT NULL AND (coalesce(c.novelty_stale, true) OR c.novelty_n_min IS NULL) AS stale
