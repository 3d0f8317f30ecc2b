// readmodel/novelty_stale: whether every paper's novelty must be re-decided (a batch asked for
// a re-basing, an earlier one was interrupted, or the Corpus has no drift baseline yet, or none
// per class: a store written before classes, whose margins are of another kind); without
// a Corpus no paper has a level-`topic` topic, so none can be novel).
// Returns: stale
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
RETURN c IS NOT NULL AND (coalesce(c.novelty_stale, true) OR c.novelty_n_min IS NULL
                         OR c.novelty_topic_rises IS NULL) AS stale
