// papers/papers_of_researchers: each researcher's papers in $order ('recency': newest first,
// by year; 'citations': most cited first), then by id, after a keyset cursor ($after_key: [key,
// id] of the last paper seen, or null), at most $limit each. Each paper carries its node as
// nodes/papers_by_ids returns it (`node`), so a page with its papers is one query.
// With $owner, each row also carries its researcher (`owner`) as nodes/researchers_by_ids
// returns it: a researcher's node and a page of its papers in one query; without, null.
// Returns: researcher_id, paper_id, sort_key, total, node, owner
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {researcher_ids: ["A1"], order: "recency", after_key: null, limit: 20, owner: false, shown: {paper: {doi: true, title: true, abstract: true, year: true, date: true, type: true, cited_by_count: true, citations: true, upvotes: true, is_retracted: true, categories: true, organisation: true, source_ids: true, source_id: true}, researcher: {name: true, orcid: true, alt_names: true, open_to_collaborate: true}}}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  MATCH (r)-[:AUTHORED]->(p)
  WITH p, CASE $order WHEN 'citations' THEN coalesce(p.citations, 0)
                    ELSE coalesce(p.year, 0) END AS sort_key
  WHERE $after_key IS NULL OR sort_key < $after_key[0]
        OR (sort_key = $after_key[0] AND p.id > $after_key[1])
  RETURN p, sort_key
  ORDER BY sort_key DESC, p.id
  LIMIT $limit
}
RETURN researcher_id, p.id AS paper_id, sort_key, COUNT { (r)-[:AUTHORED]->() } AS total,
       {id: p.id, doi: CASE WHEN $shown.paper.doi THEN p.doi END,
        title: CASE WHEN $shown.paper.title THEN p.title END,
        abstract: CASE WHEN $shown.paper.abstract THEN p.abstract END,
        year: CASE WHEN $shown.paper.year THEN p.year END,
        date: CASE WHEN $shown.paper.date THEN p.date END,
        type: CASE WHEN $shown.paper.type THEN p.type END,
        cited_by_count: CASE WHEN $shown.paper.cited_by_count
                        THEN coalesce(p.cited_by_count, 0) END,
        citations: CASE WHEN $shown.paper.citations THEN coalesce(p.citations, 0) END,
        upvotes: CASE WHEN $shown.paper.upvotes
                 THEN coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() } END,
        is_retracted: CASE WHEN $shown.paper.is_retracted
                      THEN coalesce(p.is_retracted, false) END,
        categories: CASE WHEN $shown.paper.categories THEN coalesce(p.categories, []) END,
        organisation: CASE WHEN $shown.paper.organisation THEN p.organisation END,
        source_ids: CASE WHEN $shown.paper.source_ids THEN coalesce(p.ids, [p.id]) END,
        source_id: CASE WHEN $shown.paper.source_id
                   THEN head(COLLECT { MATCH (p)-[:PUBLISHED_IN]->(s) RETURN s.id }) END} AS node,
       CASE WHEN $owner THEN
         {id: r.id, name: CASE WHEN $shown.researcher.name THEN r.name END,
          orcid: CASE WHEN $shown.researcher.orcid THEN r.orcid END,
          alt_names: CASE WHEN $shown.researcher.alt_names THEN coalesce(r.alt_names, []) END,
          open_to_collaborate: CASE WHEN $shown.researcher.open_to_collaborate
                               THEN coalesce(r.open_to_collaborate, false) END}
       END AS owner
