// readmodel/novelty_drift: one batch's move of the counts novelty depends on (run after the
// batch moved CO_OCCURS, Topic.papers and Corpus.tagged_papers; kg/ingest/novelty.py). Each
// level-`topic` topic and pair of two such topics whose count moved by `delta` either adds
// |ln(new / old)| to its novelty_drift and ln(new / old) when positive to its novelty_rise, and
// keeps in novelty_top its greatest count at a batch end since its drift started (the Corpus
// raises, per class k = floor(log2 top) capped at $classes - 1, the largest rise and fall =
// drift - rise it keeps for that class), or, with fewer than $expand_below papers before or
// after, forgets all three and is returned for its papers to be re-decided. The Corpus widens
// the range of N seen at a batch end since the last re-basing (`based` is false when the
// Corpus has no such range or no rises per class yet: a store from before them); `leveled`: the
// level-`topic` topics that moved (none: nothing novelty depends on moved).
// Returns: leveled, expand_topics, expand_pairs, n, n_min, n_max, topic_rises, topic_falls,
//   pair_rises, pair_falls, based
/*
:params {topics: [{id: "T10965", delta: 1}], pairs: [{a: "T10965", b: "T11636", delta: 1}], expand_below: 64, classes: 16}
*/
CALL () {
  UNWIND $topics AS row
  MATCH (t:Topic {id: row.id})
  WHERE t.level = 'topic'
  WITH t, coalesce(t.papers, 0) AS now, coalesce(t.papers, 0) - row.delta AS was
  WITH t, now, was, now < $expand_below OR was < $expand_below AS small
  WITH t, small, CASE WHEN small THEN 0.0 ELSE log(toFloat(now) / was) END AS step,
       CASE WHEN small THEN null
            ELSE reduce(top = coalesce(t.novelty_top, was), m IN [was, now] |
                        CASE WHEN m > top THEN m ELSE top END) END AS top
  WITH t, top, CASE WHEN small THEN null ELSE coalesce(t.novelty_drift, 0.0) + abs(step) END
               AS drift,
       CASE WHEN small THEN null
            ELSE coalesce(t.novelty_rise, 0.0) + CASE WHEN step > 0 THEN step ELSE 0.0 END
       END AS rise
  SET t.novelty_drift = drift, t.novelty_rise = rise, t.novelty_top = top
  WITH t, drift, rise, size([k IN range(1, $classes - 1) WHERE 2.0 ^ k <= top]) AS rank
  WITH collect(CASE WHEN drift IS NULL THEN t.id END) AS expand_topics,
       collect(CASE WHEN drift IS NOT NULL THEN [rank, rise, drift - rise] END) AS moved,
       count(t) AS leveled
  RETURN expand_topics, leveled,
         [k IN range(0, $classes - 1) | reduce(most = 0.0, x IN moved |
           CASE WHEN x[0] = k AND x[1] > most THEN x[1] ELSE most END)] AS topic_rises,
         [k IN range(0, $classes - 1) | reduce(most = 0.0, x IN moved |
           CASE WHEN x[0] = k AND x[2] > most THEN x[2] ELSE most END)] AS topic_falls
}
CALL () {
  UNWIND $pairs AS row
  MATCH (a:Topic {id: row.a})-[pair:CO_OCCURS]->(b:Topic {id: row.b})
  WHERE a.level = 'topic' AND b.level = 'topic'
  WITH a, b, pair, pair.papers AS now, pair.papers - row.delta AS was
  WITH a, b, pair, now, was, now < $expand_below OR was < $expand_below AS small
  WITH a, b, pair, small, CASE WHEN small THEN 0.0 ELSE log(toFloat(now) / was) END AS step,
       CASE WHEN small THEN null
            ELSE reduce(top = coalesce(pair.novelty_top, was), m IN [was, now] |
                        CASE WHEN m > top THEN m ELSE top END) END AS top
  WITH a, b, pair, top,
       CASE WHEN small THEN null ELSE coalesce(pair.novelty_drift, 0.0) + abs(step) END AS drift,
       CASE WHEN small THEN null
            ELSE coalesce(pair.novelty_rise, 0.0) + CASE WHEN step > 0 THEN step ELSE 0.0 END
       END AS rise
  SET pair.novelty_drift = drift, pair.novelty_rise = rise, pair.novelty_top = top
  WITH a, b, drift, rise, size([k IN range(1, $classes - 1) WHERE 2.0 ^ k <= top]) AS rank
  WITH collect(CASE WHEN drift IS NULL THEN [a.id, b.id] END) AS expand_pairs,
       collect(CASE WHEN drift IS NOT NULL THEN [rank, rise, drift - rise] END) AS moved
  RETURN expand_pairs,
         [k IN range(0, $classes - 1) | reduce(most = 0.0, x IN moved |
           CASE WHEN x[0] = k AND x[1] > most THEN x[1] ELSE most END)] AS pair_rises,
         [k IN range(0, $classes - 1) | reduce(most = 0.0, x IN moved |
           CASE WHEN x[0] = k AND x[2] > most THEN x[2] ELSE most END)] AS pair_falls
}
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
WITH c, expand_topics, expand_pairs, leveled,
     c IS NOT NULL AND c.novelty_n_min IS NOT NULL AND c.novelty_topic_rises IS NOT NULL
       AS based,
     [topic_rises, topic_falls, pair_rises, pair_falls] AS moved
CALL (c, based, moved) {
  WITH c WHERE based
  WITH c, coalesce(c.tagged_papers, 0) AS n, [k IN range(1, $classes) | 0.0] AS zero
  WITH c, n, [kept IN [c.novelty_topic_rises, c.novelty_topic_falls, c.novelty_pair_rises,
                       c.novelty_pair_falls] | coalesce(kept, zero)] AS kept
  WITH c, n, [i IN range(0, 3) | [k IN range(0, $classes - 1) |
         CASE WHEN moved[i][k] > kept[i][k] THEN moved[i][k] ELSE kept[i][k] END]] AS most
  SET c.novelty_n_min = CASE WHEN n < c.novelty_n_min THEN n ELSE c.novelty_n_min END,
      c.novelty_n_max = CASE WHEN n > c.novelty_n_max THEN n ELSE c.novelty_n_max END,
      c.novelty_topic_rises = most[0], c.novelty_topic_falls = most[1],
      c.novelty_pair_rises = most[2], c.novelty_pair_falls = most[3]
}
RETURN leveled, expand_topics, expand_pairs, c.tagged_papers AS n, c.novelty_n_min AS n_min,
       c.novelty_n_max AS n_max, c.novelty_topic_rises AS topic_rises,
       c.novelty_topic_falls AS topic_falls, c.novelty_pair_rises AS pair_rises,
       c.novelty_pair_falls AS pair_falls, based
