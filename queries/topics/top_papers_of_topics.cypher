// topics/top_papers_of_topics: the most cited papers on each topic or any topic under it, ties by
// year (newest first) then id, the first $first each, read from the topic's stored ranking
// (`top_papers`, the first TOP_TOPIC_PAPERS, kept at write time: readmodel/top_papers): a seek
// per paper shown, whatever the topic's paper count. $first must not exceed the stored length
// (kg/topics.py reads topics/top_papers_counted for a longer page).
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
  WITH coalesce(t.top_papers, [])[..$first] AS ids
  UNWIND range(0, size(ids) - 1) AS rank
  MATCH (p:Paper {id: ids[rank]})
  WITH rank, p, coalesce(p.citations, 0) AS citations
  ORDER BY rank
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
