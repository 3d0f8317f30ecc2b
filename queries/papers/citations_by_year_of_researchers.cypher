// papers/citations_by_year_of_researchers: each researcher's citations per year, summed over
// their papers: in the graph (CITES edges into their papers, by the citing paper's year; a paper
// citing two of their works counts twice) and the reported lists of each of their papers
// (OpenAlex counts_by_year), summed by the caller. Expands from each researcher only.
// Returns: of_id, in_graph ([[year, count]], by year), reported ([[years], [counts]] per paper)
/*
:params {researcher_ids: ["A5027197211"]}
*/
UNWIND $researcher_ids AS of_id
MATCH (r:Researcher {id: of_id})
CALL (r) {
  MATCH (r)-[:AUTHORED]->(:Paper)<-[:CITES]-(q:Paper)
  WHERE q.year IS NOT NULL
  WITH q.year AS year, count(*) AS citations
  ORDER BY year
  RETURN collect([year, citations]) AS in_graph
}
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p:Paper)
  WHERE p.reported_years IS NOT NULL
  RETURN collect([p.reported_years, p.reported_counts]) AS reported
}
RETURN of_id, in_graph, reported
