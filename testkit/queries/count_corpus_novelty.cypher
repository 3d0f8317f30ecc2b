// count_corpus_novelty: the Corpus's novelty bookkeeping (kg/ingest/novelty.py) and how many
// topics and pairs still carry a drift.
// Returns: n, n_min, n_max, topic_drift, pair_drift, stale, drifting
MATCH (c:Corpus {id: 'corpus'})
RETURN c.tagged_papers AS n, c.novelty_n_min AS n_min, c.novelty_n_max AS n_max,
       c.novelty_topic_drift AS topic_drift, c.novelty_pair_drift AS pair_drift,
       c.novelty_stale AS stale,
       COUNT { MATCH (t:Topic) WHERE t.novelty_drift IS NOT NULL RETURN t }
       + COUNT { MATCH ()-[r:CO_OCCURS]->() WHERE r.novelty_drift IS NOT NULL RETURN r } AS drifting
