// readmodel/researcher_citations: stores the citation figures of each given researcher whose
// works' citations changed but not their works: citations, h_index and i10_index, by the rules of
// readmodel/researcher_figures, from the stored citations of their own works only (no topic
// expansion).
// Returns: researchers
/*
:params {researcher_ids: ["A5023888391"]}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p:Paper)
  WITH coalesce(p.citations, 0) AS citations
  ORDER BY citations DESC
  RETURN sum(citations) AS citations, collect(citations) AS ranked
}
SET r.citations = citations,
    r.h_index = size([i IN range(0, size(ranked) - 1) WHERE ranked[i] >= i + 1]),
    r.i10_index = size([c IN ranked WHERE c >= 10])
RETURN count(r) AS researchers
