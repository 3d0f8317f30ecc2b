// count_corpus_novelty: the Corpus's novelty bookkeeping (kg/ingest/novelty.py) and how many
// topics and pairs still carry a drift.
// Returns: n, n_min, n_max, topic_rises, topic_falls, pair_rises, pair_falls, stale, drifting
MATCH (c:Corpus {id: 'corpus'})
RETURN c.tagged_papers AS n, c.novelty_n_min AS n_min, c.novelty_n_max AS n_max,
       c.novelty_topic_rises AS topic_rises, c.novelty_topic_falls AS topic_falls,
       c.novelty_pair_rises AS pair_rises, c.novelty_pair_falls AS pair_falls,
       c.novelty_stale AS stale,
       COUNT { MATCH (t:Topic) WHERE t.novelty_drift IS NOT NULL RETURN t }
       + COUNT { MATCH ()-[r:CO_OCCURS]->() WHERE r.novelty_drift IS NOT NULL RETURN r } AS drifting
