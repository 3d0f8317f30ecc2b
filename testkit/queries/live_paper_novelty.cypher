// live_paper_novelty: each paper's novelty computed live from the facts (the read model's
// oracle; scans every paper): novel when some pair a < b of its level-`topic` topics has NPMI <
// $atypical_npmi, over N = papers with a level-`topic` topic, n_a = HAS_TOPIC in-degree, n_ab =
// papers holding both; its margin as readmodel/novelty stores it (kg/ingest/novelty.py); with
// the stored flag, margin and class.
// Returns: id, novel, margin, stored_novel, stored_margin, stored_class
/*
:params {atypical_npmi: -0.1, grid: 1048576.0}
*/
CALL () {
  MATCH (:Topic {level: 'topic'})<-[:HAS_TOPIC]-(p:Paper)
  RETURN toFloat(count(DISTINCT p)) AS n
}
MATCH (p:Paper)
CALL (p, n) {
  OPTIONAL MATCH (a:Topic {level: 'topic'})<-[:HAS_TOPIC]-(p)-[:HAS_TOPIC]->(b:Topic {level: 'topic'})
  WHERE a.id < b.id
  WITH a, b, n WHERE a IS NOT NULL
  WITH n, toFloat(COUNT { (a)<-[:HAS_TOPIC]-(:Paper)-[:HAS_TOPIC]->(b) }) AS n_ab,
       toFloat(COUNT { (a)<-[:HAS_TOPIC]-() }) AS n_a, toFloat(COUNT { (b)<-[:HAS_TOPIC]-() }) AS n_b
  WITH CASE WHEN n_ab = n THEN 1.0 ELSE log(n_ab * n / (n_a * n_b)) / -log(n_ab / n) END AS npmi,
       (1 + $atypical_npmi) * log(n_ab) - log(n_a) - log(n_b) AS h
  RETURN coalesce(min(npmi) < $atypical_npmi, false) AS novel,
         floor(min(h) * $grid + 0.5) / $grid AS margin
}
RETURN p.id AS id, novel, margin, coalesce(p.novel, false) AS stored_novel,
       p.novelty_margin AS stored_margin, p.novelty_class AS stored_class
