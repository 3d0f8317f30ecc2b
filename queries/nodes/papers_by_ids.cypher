// nodes/papers_by_ids: papers by id (missing ids are left out), with their citation figure
// (max of the source-reported count and the CITES edges into the paper, stored by the read
// model) and upvotes; each field read only when $shown.paper names it (else null; kg/nodes.py
// Shown).
// Returns: id, doi, title, abstract, year, date, type, cited_by_count, citations, upvotes,
//          is_retracted, categories, organisation, source_ids (every source id), source_id
/*
:params {ids: ["W2181906270"], shown: {paper: {doi: true, title: true, abstract: true, year: true, date: true, type: true, cited_by_count: true, citations: true, upvotes: true, is_retracted: true, categories: true, organisation: true, source_ids: true, source_id: true}}}
*/
UNWIND $ids AS id
MATCH (p:Paper {id: id})
WITH p, $shown.paper AS shown
RETURN p.id AS id, CASE WHEN shown.doi THEN p.doi END AS doi,
       CASE WHEN shown.title THEN p.title END AS title,
       CASE WHEN shown.abstract THEN p.abstract END AS abstract,
       CASE WHEN shown.year THEN p.year END AS year,
       CASE WHEN shown.date THEN p.date END AS date,
       CASE WHEN shown.type THEN p.type END AS type,
       CASE WHEN shown.cited_by_count THEN coalesce(p.cited_by_count, 0) END AS cited_by_count,
       CASE WHEN shown.citations THEN coalesce(p.citations, 0) END AS citations,
       CASE WHEN shown.upvotes THEN coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() } END
         AS upvotes,
       CASE WHEN shown.is_retracted THEN coalesce(p.is_retracted, false) END AS is_retracted,
       CASE WHEN shown.categories THEN coalesce(p.categories, []) END AS categories,
       CASE WHEN shown.organisation THEN p.organisation END AS organisation,
       CASE WHEN shown.source_ids THEN coalesce(p.ids, [p.id]) END AS source_ids,
       CASE WHEN shown.source_id THEN head(COLLECT { MATCH (p)-[:PUBLISHED_IN]->(s) RETURN s.id })
       END AS source_id
