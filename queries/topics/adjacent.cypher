// topics/adjacent: topics that share papers with a topic (CO_OCCURS), most co-occurrences first,
// then highest NPMI, then id; one page after a keyset cursor, and the number of neighbours.
// NPMI(t, u) = ln(n_tu * N / (n_t * n_u)) / -ln(n_tu / N), and 1 when n_tu = N, where n_tu is
// CO_OCCURS.papers, n_t the stored paper count of t (its HAS_TOPIC degree) and N the stored
// Corpus.topical_papers (papers with a topic; the read model keeps both exact).
// Returns: total, neighbours [{id, name, level, papers, npmi}]
/*
:params {topic_id: "T10965", after: null, first: 10}
*/
MATCH (t:Topic {id: $topic_id})
OPTIONAL MATCH (corpus:Corpus {id: 'corpus'})
WITH t, toFloat(coalesce(corpus.topical_papers, 0)) AS n, toFloat(t.papers) AS n_t
CALL (t, n, n_t) {
  MATCH (t)-[c:CO_OCCURS]-(u:Topic)
  WITH u, c.papers AS papers, n, n_t, toFloat(u.papers) AS n_u
  WITH u, papers,
       CASE WHEN papers >= n THEN 1.0
            ELSE log(papers * n / (n_t * n_u)) / -log(papers / n) END AS npmi
  WITH u, papers, npmi
  WHERE $after IS NULL OR papers < $after.papers
     OR (papers = $after.papers AND (npmi < $after.npmi OR (npmi = $after.npmi AND u.id > $after.id)))
  WITH u, papers, npmi
  ORDER BY papers DESC, npmi DESC, u.id
  LIMIT $first
  RETURN collect({id: u.id, name: u.name, level: u.level, papers: papers, npmi: npmi}) AS neighbours
}
RETURN COUNT { (t)-[:CO_OCCURS]-(:Topic) } AS total, neighbours
