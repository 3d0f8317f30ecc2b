// topics/top_papers_counted: the most cited papers on each topic or any topic under it, counted
// from the papers (stored citations: max(cited_by_count, CITES edges into it)); ties by year
// (newest first) then id, the first $first each. A scan of the topic's subtree: read only for a
// page longer than the stored ranking (topics/top_papers_of_topics reads that), and by tests as
// the independent check of it.
// Each paper carries its node as nodes/papers_by_ids returns it (`node`).
// Returns: of_id, papers [{id, title, year, citations, node}] (no row for a topic not in the
// graph)
/*
:params {topic_ids: ["T10399"], first: 10}
*/
UNWIND $topic_ids AS of_id
MATCH (t:Topic {id: of_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  WITH collect({paper: p, citations: coalesce(p.citations, 0)}) AS papers
  // year and id break ties only among the papers cited at least as often as the $first-th
  WITH papers, COLLECT { UNWIND papers AS x RETURN x.citations AS c ORDER BY c DESC LIMIT $first }
                 AS most
  UNWIND [x IN papers WHERE x.citations >= last(most)] AS x
  WITH x.paper AS p, x.citations AS citations
  ORDER BY citations DESC, coalesce(p.year, 0) DESC, p.id
  LIMIT $first
  RETURN collect({id: p.id, title: p.title, year: p.year, citations: citations,
                  node: {id: p.id, doi: p.doi, title: p.title, abstract: p.abstract,
                         year: p.year, date: p.date, type: p.type,
                         cited_by_count: coalesce(p.cited_by_count, 0), citations: citations,
                         upvotes: coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() },
                         is_retracted: coalesce(p.is_retracted, false),
                         categories: coalesce(p.categories, []), organisation: p.organisation,
                         source_ids: coalesce(p.ids, [p.id]),
                         source_id: head(COLLECT { MATCH (p)-[:PUBLISHED_IN]->(s)
                                                   RETURN s.id })}}) AS papers
}
RETURN of_id, papers
