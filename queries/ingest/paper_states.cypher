// ingest/paper_states: the facts of each given paper that derived edges and stored figures are
// counted from, read before a batch rewrites them so the writer can move derived edges by
// exactly what changed: year, author_count, categories, its authors (with the institution ids of
// each authorship) and its topics. Papers not yet in the graph are not returned.
// Returns: id, year, author_count, categories, authors [{id, institution_ids}], topic_ids
/*
:params {paper_ids: ["W2741809807"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
RETURN p.id AS id, p.year AS year, p.author_count AS author_count, p.categories AS categories,
       [(r:Researcher)-[a:AUTHORED]->(p) | {id: r.id, institution_ids: a.institution_ids}] AS authors,
       [(p)-[:HAS_TOPIC]->(t:Topic) | t.id] AS topic_ids
