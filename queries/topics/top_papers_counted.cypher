// topics/top_papers_counted: the most cited papers on each topic or any topic under it, counted
// from the papers (stored citations: max(cited_by_count, CITES edges into it)); ties by year
// (newest first) then id, the first $first each. A scan of the topic's subtree: read only for a
// page longer than the stored ranking (topics/top_papers_of_topics reads that), and by tests as
// the independent check of it.
// Each paper carries its node as nodes/papers_by_ids returns it (`node`).
// Returns: of_id, papers [{id, title, year, citations, node}] (no row for a topic not in the
// graph)
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {topic_ids: ["T10399"], first: 10, shown: {paper: {doi: true, title: true, abstract: true, year: true, date: true, type: true, cited_by_count: true, citations: true, upvotes: true, is_retracted: true, categories: true, organisation: true, source_ids: true, source_id: true}}}
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
                  node: {id: p.id, doi: CASE WHEN $shown.paper.doi THEN p.doi END,
                         title: CASE WHEN $shown.paper.title THEN p.title END,
                         abstract: CASE WHEN $shown.paper.abstract THEN p.abstract END,
                         year: CASE WHEN $shown.paper.year THEN p.year END,
                         date: CASE WHEN $shown.paper.date THEN p.date END,
                         type: CASE WHEN $shown.paper.type THEN p.type END,
                         cited_by_count: CASE WHEN $shown.paper.cited_by_count
                                         THEN coalesce(p.cited_by_count, 0) END,
                         citations: CASE WHEN $shown.paper.citations THEN citations END,
                         upvotes: CASE WHEN $shown.paper.upvotes
                                  THEN coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() } END,
                         is_retracted: CASE WHEN $shown.paper.is_retracted
                                       THEN coalesce(p.is_retracted, false) END,
                         categories: CASE WHEN $shown.paper.categories
                                     THEN coalesce(p.categories, []) END,
                         organisation: CASE WHEN $shown.paper.organisation THEN p.organisation END,
                         source_ids: CASE WHEN $shown.paper.source_ids
                                     THEN coalesce(p.ids, [p.id]) END,
                         source_id: CASE WHEN $shown.paper.source_id
                                    THEN head(COLLECT { MATCH (p)-[:PUBLISHED_IN]->(s)
                                                        RETURN s.id }) END}}) AS papers
}
RETURN of_id, papers
