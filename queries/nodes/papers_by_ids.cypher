// nodes/papers_by_ids: papers by id (missing ids are left out), with their citation figure
// (max of the source-reported count and the CITES edges into the paper, stored by the read
// model) and upvotes.
// Returns: id, doi, title, abstract, year, date, type, cited_by_count, citations, upvotes,
//          is_retracted, categories, organisation, source_ids (every source id), source_id
/*
:params {ids: ["W2181906270"]}
*/
UNWIND $ids AS id
MATCH (p:Paper {id: id})
OPTIONAL MATCH (p)-[:PUBLISHED_IN]->(s)
RETURN p.id AS id, p.doi AS doi, p.title AS title, p.abstract AS abstract, p.year AS year,
       p.date AS date, p.type AS type, coalesce(p.cited_by_count, 0) AS cited_by_count,
       coalesce(p.citations, 0) AS citations,
       coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() } AS upvotes,
       coalesce(p.is_retracted, false) AS is_retracted, coalesce(p.categories, []) AS categories,
       p.organisation AS organisation, coalesce(p.ids, [p.id]) AS source_ids, s.id AS source_id
