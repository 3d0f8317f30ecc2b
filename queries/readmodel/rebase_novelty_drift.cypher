// readmodel/rebase_novelty_drift: the start of a re-basing (kg/ingest/novelty.py), before every
// paper's novelty is re-decided: topics forget their drift, rise and top count, the Corpus's
// range of N is the current N alone, its largest rises and falls per class ($classes of each)
// are zero, and novelty is stale under this re-basing's $token until
// readmodel/clear_novelty_stale.
// Returns: n
/*
:params {token: "0f3c", classes: 16}
*/
MATCH (c:Corpus {id: 'corpus'})
WITH c
CALL () {
  MATCH (t:Topic)
  WHERE t.level = 'topic' AND t.novelty_drift IS NOT NULL
  SET t.novelty_drift = null, t.novelty_rise = null, t.novelty_top = null
}
SET c.novelty_n_min = coalesce(c.tagged_papers, 0), c.novelty_n_max = coalesce(c.tagged_papers, 0),
    c.novelty_topic_rises = [k IN range(1, $classes) | 0.0],
    c.novelty_topic_falls = [k IN range(1, $classes) | 0.0],
    c.novelty_pair_rises = [k IN range(1, $classes) | 0.0],
    c.novelty_pair_falls = [k IN range(1, $classes) | 0.0],
    c.novelty_stale = true, c.novelty_rebase = $token
REMOVE c.novelty_topic_drift, c.novelty_pair_drift
RETURN c.tagged_papers AS n
