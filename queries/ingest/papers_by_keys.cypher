// ingest/papers_by_keys: the Papers that each incoming record names: by its own id, by one of its
// DOIs or by one of its arXiv ids (the identity step's candidates for one paper per work).
// Returns: record_id, id, sources, props (the fields a merge combines), named_authors
/*
:params {lookups: [{id: "W4223477124", dois: ["10.48550/arxiv.2204.05114"], arxiv_ids: ["2204.05114"]}]}
*/
UNWIND $lookups AS row
CALL (row) {
  MATCH (p:Paper {id: row.id})
  RETURN p
  UNION
  MATCH (p:Paper)
  WHERE p.doi IN row.dois
  RETURN p
  UNION
  MATCH (p:Paper)
  WHERE p.arxiv_id IN row.arxiv_ids
  RETURN p
}
RETURN row.id AS record_id, p.id AS id, coalesce(p.sources, []) AS sources,
       p {.title, .doi, .abstract, .year, .date, .type, .published, .categories, .arxiv_id,
          .ids} AS props,
       [(r:Researcher)-[:AUTHORED]->(p) WHERE r.id STARTS WITH 'name:' | r.id] AS named_authors
