// readmodel/take_novelty_stale: whether novelty needs re-deciding (a batch changed some paper's
// topics since the last time, or the corpus node predates the flag), and clears the flag.
// Returns: stale
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
WITH c, c IS NULL OR coalesce(c.novelty_stale, true) AS stale
FOREACH (corpus IN CASE WHEN c IS NULL THEN [] ELSE [c] END | SET corpus.novelty_stale = false)
RETURN stale
