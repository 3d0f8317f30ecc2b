// papers/paper_by_source_id: the Paper a source id names: its own id, else a DOI it carries, else
// its arXiv id; of several, the one that holds the arXiv record, then the lowest-numbered id.
// Returns: id
/*
:params {id: "10.48550/arXiv.2204.05114", dois: ["10.48550/arxiv.2204.05114"], arxiv_ids: ["2204.05114"]}
*/
CALL () {
  MATCH (p:Paper {id: $id})
  RETURN p, 0 AS rank
  UNION
  MATCH (p:Paper)
  WHERE p.doi IN $dois
  RETURN p, 1 AS rank
  UNION
  MATCH (p:Paper)
  WHERE p.arxiv_id IN $arxiv_ids
  RETURN p, 1 AS rank
}
RETURN p.id AS id
ORDER BY rank, CASE WHEN 'arxiv' IN coalesce(p.sources, []) THEN 0 ELSE 1 END,
         size(p.id), p.id
LIMIT 1
