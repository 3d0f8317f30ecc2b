// readmodel/rebase_novelty_drift: the end of a re-basing (every paper's novelty re-decided):
// topics forget their drift, the Corpus's range of N is the current N alone, its largest
// drifts are zero, and novelty is no longer stale.
// Returns: n
MATCH (c:Corpus {id: 'corpus'})
WITH c
CALL () {
  MATCH (t:Topic)
  WHERE t.level = 'topic' AND t.novelty_drift IS NOT NULL
  SET t.novelty_drift = null
}
SET c.novelty_n_min = coalesce(c.tagged_papers, 0), c.novelty_n_max = coalesce(c.tagged_papers, 0),
    c.novelty_topic_drift = 0.0, c.novelty_pair_drift = 0.0, c.novelty_stale = false
RETURN c.tagged_papers AS n
