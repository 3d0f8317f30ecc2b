// papers/citations_by_year_of_papers: each paper's citations per year: in the graph (CITES edges
// into it, by the citing paper's year) and as reported by the source (OpenAlex counts_by_year,
// stored as the parallel lists reported_years / reported_counts; null when not reported).
// Returns: of_id, in_graph ([[year, count]], by year), reported_years, reported_counts
/*
:params {paper_ids: ["W4319441783"]}
*/
UNWIND $paper_ids AS of_id
MATCH (p:Paper {id: of_id})
CALL (p) {
  MATCH (p)<-[:CITES]-(q:Paper)
  WHERE q.year IS NOT NULL
  WITH q.year AS year, count(*) AS citations
  ORDER BY year
  RETURN collect([year, citations]) AS in_graph
}
RETURN of_id, in_graph, p.reported_years AS reported_years, p.reported_counts AS reported_counts
