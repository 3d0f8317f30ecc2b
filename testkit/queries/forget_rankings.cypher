// forget_rankings: removes every topic's stored top papers and every researcher's stored top
// co-authors, as a store written before the lists existed holds them (tests of `kg schema
// apply` counting them).
// Returns: topics, researchers
/*
:params {}
*/
CALL () {
  MATCH (t:Topic)
  REMOVE t.top_papers, t.top_paper_citations, t.top_paper_years
  RETURN count(t) AS topics
}
CALL () {
  MATCH (r:Researcher)
  REMOVE r.top_coauthors, r.top_coauthor_works
  RETURN count(r) AS researchers
}
RETURN topics, researchers
