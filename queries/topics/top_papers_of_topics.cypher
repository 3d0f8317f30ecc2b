// topics/top_papers_of_topics: the most cited papers on each topic or any topic under it, ties by
// year (newest first) then id, the first $first each, read from the topic's stored ranking
// (`top_papers`, the first TOP_TOPIC_PAPERS, kept at write time: readmodel/top_papers): a seek
// per paper shown, whatever the topic's paper count. $first must not exceed the stored length
// (kg/topics.py reads topics/top_papers_counted for a longer page).
// Each paper carries its node as nodes/papers_by_ids returns it (`node`).
// Returns: of_id, papers [{id, title, year, citations, node}] (no row for a topic not in the
// graph)
/*
:params {topic_ids: ["T10399"], first: 10}
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
