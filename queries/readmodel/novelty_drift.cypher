// readmodel/novelty_drift: one batch's move of the counts novelty depends on (run after the
// batch moved CO_OCCURS, Topic.papers and Corpus.tagged_papers; kg/ingest/novelty.py). Each
// level-`topic` topic and pair of two such topics whose count moved by `delta` either adds
// |ln(new / old)| to its novelty_drift and keeps in novelty_top its greatest count at a batch
// end since its drift started (the Corpus raises, per class k = floor(log2 top) capped at
// $classes - 1, the largest drift it keeps for that class), or, with fewer than $expand_below
// papers before or after, forgets both and is returned for its papers to be re-decided. The
// Corpus widens the range of N seen at a batch end since the last re-basing (`based` is false
// when the Corpus has no such range yet); `leveled`: the level-`topic` topics that moved (none:
// nothing novelty depends on moved).
// Returns: leveled, expand_topics, expand_pairs, n, n_min, n_max, topic_drifts, pair_drifts, based
/*
:params {topics: [{id: "T10965", delta: 1}], pairs: [{a: "T10965", b: "T11636", delta: 1}], expand_below: 64, classes: 16}
*/
CALL () {
  UNWIND $topics AS row
  MATCH (t:Topic {id: row.id})
  WHERE t.level = 'topic'
  WITH t, coalesce(t.papers, 0) AS now, coalesce(t.papers, 0) - row.delta AS was
  WITH t, now, was, now < $expand_below OR was < $expand_below AS small
  WITH t, CASE WHEN small THEN null
               ELSE coalesce(t.novelty_drift, 0.0) + abs(log(toFloat(now) / was)) END AS drift,
       CASE WHEN small THEN null
            ELSE reduce(top = coalesce(t.novelty_top, was), m IN [was, now] |
                        CASE WHEN m > top THEN m ELSE top END) END AS top
  SET t.novelty_drift = drift, t.novelty_top = top
  WITH t, drift, size([k IN range(1, $classes - 1) WHERE 2.0 ^ k <= top]) AS rank
  WITH collect(CASE WHEN drift IS NULL THEN t.id END) AS expand_topics,
       collect(CASE WHEN drift IS NOT NULL THEN [rank, drift] END) AS moved, count(t) AS leveled
  RETURN expand_topics, leveled,
         [k IN range(0, $classes - 1) | reduce(most = 0.0, x IN moved |
           CASE WHEN x[0] = k AND x[1] > most THEN x[1] ELSE most END)] AS topic_drifts
}
CALL () {
  UNWIND $pairs AS row
  MATCH (a:Topic {id: row.a})-[pair:CO_OCCURS]->(b:Topic {id: row.b})
  WHERE a.level = 'topic' AND b.level = 'topic'
  WITH a, b, pair, pair.papers AS now, pair.papers - row.delta AS was
  WITH a, b, pair, now, was, now < $expand_below OR was < $expand_below AS small
  WITH a, b, pair,
       CASE WHEN small THEN null
            ELSE coalesce(pair.novelty_drift, 0.0) + abs(log(toFloat(now) / was)) END AS drift,
       CASE WHEN small THEN null
            ELSE reduce(top = coalesce(pair.novelty_top, was), m IN [was, now] |
                        CASE WHEN m > top THEN m ELSE top END) END AS top
  SET pair.novelty_drift = drift, pair.novelty_top = top
  WITH a, b, drift, size([k IN range(1, $classes - 1) WHERE 2.0 ^ k <= top]) AS rank
  WITH collect(CASE WHEN drift IS NULL THEN [a.id, b.id] END) AS expand_pairs,
       collect(CASE WHEN drift IS NOT NULL THEN [rank, drift] END) AS moved
  RETURN expand_pairs,
         [k IN range(0, $classes - 1) | reduce(most = 0.0, x IN moved |
           CASE WHEN x[0] = k AND x[1] > most THEN x[1] ELSE most END)] AS pair_drifts
}
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
WITH c, expand_topics, expand_pairs, topic_drifts, pair_drifts, leveled,
     c IS NOT NULL AND c.novelty_n_min IS NOT NULL AS based
CALL (c, based, topic_drifts, pair_drifts) {
  WITH c WHERE based
  WITH c, coalesce(c.tagged_papers, 0) AS n,
       coalesce(c.novelty_topic_drifts, [k IN range(1, $classes) | 0.0]) AS topics_kept,
       coalesce(c.novelty_pair_drifts, [k IN range(1, $classes) | 0.0]) AS pairs_kept
  SET c.novelty_n_min = CASE WHEN n < c.novelty_n_min THEN n ELSE c.novelty_n_min END,
      c.novelty_n_max = CASE WHEN n > c.novelty_n_max THEN n ELSE c.novelty_n_max END,
      c.novelty_topic_drifts = [k IN range(0, $classes - 1) |
        CASE WHEN topic_drifts[k] > topics_kept[k] THEN topic_drifts[k] ELSE topics_kept[k] END],
      c.novelty_pair_drifts = [k IN range(0, $classes - 1) |
        CASE WHEN pair_drifts[k] > pairs_kept[k] THEN pair_drifts[k] ELSE pairs_kept[k] END]
}
RETURN leveled, expand_topics, expand_pairs, c.tagged_papers AS n, c.novelty_n_min AS n_min,
       c.novelty_n_max AS n_max, c.novelty_topic_drifts AS topic_drifts,
       c.novelty_pair_drifts AS pair_drifts, based
