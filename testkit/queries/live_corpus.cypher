// live_corpus: the corpus counters behind NPMI computed live by a scan, beside the stored ones.
// Returns: topical_papers, tagged_papers, stored_topical_papers, stored_tagged_papers
CALL () {
  MATCH (p:Paper) WHERE EXISTS { (p)-[:HAS_TOPIC]->(:Topic) }
  RETURN count(p) AS topical_papers
}
CALL () {
  MATCH (p:Paper) WHERE EXISTS { (p)-[:HAS_TOPIC]->(:Topic {level: 'topic'}) }
  RETURN count(p) AS tagged_papers
}
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
RETURN topical_papers, tagged_papers, c.topical_papers AS stored_topical_papers,
       c.tagged_papers AS stored_tagged_papers
