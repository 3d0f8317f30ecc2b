// readmodel/novelty: re-decides whether each given paper is novel (some pair of its level-`topic`
// topics a < b has NPMI < $atypical_npmi, NPMI = ln(n_ab * N / (n_a * n_b)) / -ln(n_ab / N),
// 1 when n_ab = N; n_ab = CO_OCCURS.papers, n_a, n_b = stored Topic.papers, N = the stored
// Corpus.tagged_papers), stores its novelty_margin (the least h = (1 + t) ln n_ab - ln n_a
// - ln n_b over its pairs, t = $atypical_npmi, rounded to multiples of 1 / $grid) and its
// novelty_class (2 c + 1 when novel, else 2 c; c = floor(log2) of the least of those counts
// that is >= $expand_below, at most $classes - 1, which it is without one; both null without a
// pair: kg/ingest/novelty.py) and moves the novel_works and novelty of the authors of every
// paper whose flag flipped (a paper that is not novel stores no flag). A paper whose flag did
// not flip keeps its stored margin and class (no index entry moved) when it is in $loose_ids,
// or when $keep and they still bound it on the side its flag can flip from: stored class <= the
// new one and, decided novel, stored margin >= the new one, decided not novel, <= it
// (novelty.keeps). Starts from each paper and expands to its topics; the count of each pair is
// read from $pair_counts (by the ids of a, then b: the papers of each CO_OCCURS edge a -> b,
// readmodel/pair_counts for these papers), not looked up between two dense topics per paper.
// Returns: flipped, kept, moved (papers whose stored margin or class changed: index entries moved)
/*
:params {paper_ids: ["W2741809807"], loose_ids: [], keep: true, pair_counts: {T10965: {T11636: [3]}}, atypical_npmi: -0.1, grid: 1048576.0, expand_below: 16, classes: 16}
*/
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
WITH toFloat(coalesce(c.tagged_papers, 0)) AS n
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
CALL (p, n) {
  WITH [(p)-[:HAS_TOPIC]->(t:Topic) WHERE t.level = 'topic' | t] AS topics
  UNWIND topics AS a
  UNWIND topics AS b
  WITH a, b WHERE a.id < b.id
  UNWIND coalesce($pair_counts[a.id][b.id], []) AS papers
  WITH a, b, toFloat(papers) AS n_ab
  WITH CASE WHEN n_ab = n THEN 1.0
            ELSE log(n_ab * n / (toFloat(a.papers) * b.papers)) / -log(n_ab / n) END AS npmi,
       (1 + $atypical_npmi) * log(n_ab) - log(toFloat(a.papers)) - log(toFloat(b.papers)) AS h,
       [m IN [n_ab, toFloat(a.papers), toFloat(b.papers)] WHERE m >= $expand_below]
         AS large
  UNWIND CASE WHEN large = [] THEN [null] ELSE large END AS m
  WITH min(npmi) AS npmi, min(h) AS h, min(m) AS least
  RETURN coalesce(npmi < $atypical_npmi, false) AS novel,
         floor(h * $grid + 0.5) / $grid AS margin,
         CASE WHEN least IS NULL THEN $classes - 1
              ELSE size([k IN range(1, $classes - 1) WHERE 2.0 ^ k <= least]) END AS rank
}
WITH p, novel, margin,
     CASE WHEN margin IS NOT NULL THEN 2 * rank + CASE WHEN novel THEN 1 ELSE 0 END END AS key
WITH p, novel, margin, key,
     margin IS NOT NULL AND p.novelty_margin IS NOT NULL AND p.novelty_class IS NOT NULL
       AND coalesce(p.novel, false) = novel AND p.novelty_class % 2 = key % 2
       AND (p.id IN $loose_ids
            OR $keep AND p.novelty_class <= key
               AND CASE WHEN novel THEN p.novelty_margin >= margin
                        ELSE p.novelty_margin <= margin END) AS kept
WITH p, novel, margin, key, kept,
     NOT kept AND ((p.novelty_margin IS NULL) <> (margin IS NULL)
                   OR p.novelty_margin <> margin OR p.novelty_class <> key) AS moved
SET p.novelty_margin = CASE WHEN kept THEN p.novelty_margin ELSE margin END,
    p.novelty_class = CASE WHEN kept THEN p.novelty_class ELSE key END
WITH p, novel, kept, moved, coalesce(p.novel, false) <> novel AS flips
WITH sum(CASE WHEN kept THEN 1 ELSE 0 END) AS kept,
     sum(CASE WHEN moved THEN 1 ELSE 0 END) AS moved,
     collect(CASE WHEN flips THEN {p: p, novel: novel} END) AS flips
CALL (flips) {
  UNWIND flips AS flip
  WITH flip.p AS p, flip.novel AS novel
  SET p.novel = CASE WHEN novel THEN true END
  WITH p, CASE WHEN novel THEN 1 ELSE -1 END AS change
  CALL (p, change) {
    MATCH (r:Researcher)-[:AUTHORED]->(p)
    RETURN collect(r) AS authors
  }
  RETURN count(p) AS flipped, collect({authors: authors, change: change}) AS moves
}
WITH kept, moved, flipped, moves AS flips
CALL (flips) {
  UNWIND flips AS flip
  UNWIND flip.authors AS r
  WITH r, sum(flip.change) AS change
  WITH r, coalesce(r.novel_works, 0) + change AS novel_works
  SET r.novel_works = novel_works,
      r.novelty = CASE WHEN r.works > 0 THEN toFloat(novel_works) / r.works ELSE 0.0 END
  RETURN count(r) AS authors
}
RETURN flipped, kept, moved
