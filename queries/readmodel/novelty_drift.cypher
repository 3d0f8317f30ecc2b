// readmodel/novelty_drift: one batch's move of the counts novelty depends on (run after the
// batch moved CO_OCCURS, Topic.papers and Corpus.tagged_papers; kg/ingest/novelty.py). Each
// level-`topic` topic and pair of two such topics whose count moved by `delta` either adds
// |ln(new / old)| to its novelty_drift (and the Corpus keeps the largest), or, with fewer than
// $expand_below papers before or after, forgets its drift and is returned for its papers to be
// re-decided. The Corpus widens the range of N seen at a batch end since the last re-basing
// (`based` is false when the Corpus has no such range yet); `leveled`: the level-`topic` topics
// that moved (none: nothing novelty depends on moved).
// Returns: leveled, expand_topics, expand_pairs, n, n_min, n_max, topic_drift, pair_drift, based
/*
:params {topics: [{id: "T10965", delta: 1}], pairs: [{a: "T10965", b: "T11636", delta: 1}], expand_below: 64}
*/
CALL () {
  UNWIND $topics AS row
  MATCH (t:Topic {id: row.id})
  WHERE t.level = 'topic'
  WITH t, coalesce(t.papers, 0) AS now, coalesce(t.papers, 0) - row.delta AS was
  WITH t, CASE WHEN now < $expand_below OR was < $expand_below THEN null
               ELSE coalesce(t.novelty_drift, 0.0) + abs(log(toFloat(now) / was)) END AS drift
  SET t.novelty_drift = drift
  RETURN collect(CASE WHEN drift IS NULL THEN t.id END) AS expand_topics,
         coalesce(max(drift), 0.0) AS topic_drift, count(t) AS leveled
}
CALL () {
  UNWIND $pairs AS row
  MATCH (a:Topic {id: row.a})-[pair:CO_OCCURS]->(b:Topic {id: row.b})
  WHERE a.level = 'topic' AND b.level = 'topic'
  WITH a, b, pair, pair.papers AS now, pair.papers - row.delta AS was
  WITH a, b, pair, CASE WHEN now < $expand_below OR was < $expand_below THEN null
                        ELSE coalesce(pair.novelty_drift, 0.0) + abs(log(toFloat(now) / was))
                   END AS drift
  SET pair.novelty_drift = drift
  RETURN collect(CASE WHEN drift IS NULL THEN [a.id, b.id] END) AS expand_pairs,
         coalesce(max(drift), 0.0) AS pair_drift
}
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
WITH c, expand_topics, expand_pairs, topic_drift, pair_drift, leveled,
     c IS NOT NULL AND c.novelty_n_min IS NOT NULL AS based
CALL (c, based, topic_drift, pair_drift) {
  WITH c WHERE based
  WITH c, coalesce(c.tagged_papers, 0) AS n
  SET c.novelty_n_min = CASE WHEN n < c.novelty_n_min THEN n ELSE c.novelty_n_min END,
      c.novelty_n_max = CASE WHEN n > c.novelty_n_max THEN n ELSE c.novelty_n_max END,
      c.novelty_topic_drift = CASE WHEN topic_drift > c.novelty_topic_drift THEN topic_drift
                                   ELSE c.novelty_topic_drift END,
      c.novelty_pair_drift = CASE WHEN pair_drift > c.novelty_pair_drift THEN pair_drift
                                  ELSE c.novelty_pair_drift END
}
RETURN leveled, expand_topics, expand_pairs, c.tagged_papers AS n, c.novelty_n_min AS n_min,
       c.novelty_n_max AS n_max, c.novelty_topic_drift AS topic_drift,
       c.novelty_pair_drift AS pair_drift, based
