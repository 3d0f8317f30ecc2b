// live_researcher_figures: the profile figures of each given researcher computed live from the
// facts (the read model's oracle; scans every topic-tagged paper). A work's citations are
// max(cited_by_count, CITES edges into it). A work is novel when some pair of its level-`topic`
// topics has NPMI < $atypical_npmi, where NPMI = ln(n_ab * N / (n_a * n_b)) / -ln(n_ab / N) with
// n_ab = CO_OCCURS.papers, n_a, n_b = papers of each topic, N = papers with a level-`topic` topic.
// Returns: id, works, citations, h_index, i10_index, followers, topics, close_collaborators,
//          first_year, last_year, novel_works, novelty, ai_works, ai_score (a work is in AI
//          when it has an arXiv category of the AI list or a topic whose ancestors include
//          subfields/1702)
/*
:params {researcher_ids: ["A5023888391"], atypical_npmi: -0.1, min_shared_works: 2}
*/
CALL () {
  MATCH (:Topic {level: 'topic'})<-[:HAS_TOPIC]-(p:Paper)
  RETURN count(DISTINCT p) AS topic_papers
}
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r, topic_papers) {
  MATCH (r)-[:AUTHORED]->(p:Paper)
  WITH p, coalesce(p.cited_by_count, 0) AS reported, COUNT { (p)<-[:CITES]-() } AS linked
  CALL (p, topic_papers) {
    MATCH (a:Topic {level: 'topic'})<-[:HAS_TOPIC]-(p)-[:HAS_TOPIC]->(b:Topic {level: 'topic'})
    WHERE a.id < b.id
    MATCH (a)-[pair:CO_OCCURS]-(b)
    WITH toFloat(pair.papers) AS n_ab, topic_papers AS n,
         COUNT { (a)<-[:HAS_TOPIC]-() } AS n_a, COUNT { (b)<-[:HAS_TOPIC]-() } AS n_b
    WITH CASE WHEN n_ab = n THEN 1.0 ELSE log(n_ab * n / (n_a * n_b)) / -log(n_ab / n) END AS npmi
    RETURN coalesce(min(npmi) < $atypical_npmi, false) AS novel
  }
  WITH p, CASE WHEN linked > reported THEN linked ELSE reported END AS citations, novel
  ORDER BY citations DESC
  RETURN count(p) AS works, sum(citations) AS citations, collect(citations) AS ranked,
         min(p.year) AS first_year, max(p.year) AS last_year,
         sum(CASE WHEN novel THEN 1 ELSE 0 END) AS novel_works
}
CALL (r) {
  MATCH (r)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic {level: 'topic'})
  RETURN count(DISTINCT t) AS topics
}
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p:Paper)
  WITH p, [c IN coalesce(p.categories, []) WHERE c IN ['cs.AI', 'cs.LG', 'cs.CL', 'cs.CV', 'cs.NE', 'stat.ML']] AS ai_categories,
       [(p)-[:HAS_TOPIC]->(t:Topic) WHERE t.id = 'subfields/1702'
          OR EXISTS { (t)-[:SUBTOPIC_OF*]->(:Topic {id: 'subfields/1702'}) } | t.id] AS ai_topics
  RETURN sum(CASE WHEN size(ai_categories) + size(ai_topics) > 0 THEN 1 ELSE 0 END) AS ai_works
}
RETURN r.id AS id, works, citations,
       size([i IN range(0, size(ranked) - 1) WHERE ranked[i] >= i + 1]) AS h_index,
       size([c IN ranked WHERE c >= 10]) AS i10_index,
       COUNT { (:User)-[:FOLLOWS]->(r) } AS followers,
       topics,
       COUNT { (r)-[c:COAUTHOR]-() WHERE c.works >= $min_shared_works } AS close_collaborators,
       first_year, last_year, novel_works,
       CASE WHEN works > 0 THEN toFloat(novel_works) / works ELSE 0.0 END AS novelty,
       ai_works,
       CASE WHEN works > 0 THEN toInteger(round(100.0 * ai_works / works)) ELSE 0 END AS ai_score
