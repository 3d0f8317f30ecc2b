// papers/papers_with_authors_and_topics_of_researchers: the page of papers/papers_of_researchers
// ($order, keyset cursor, each paper with its node), and each paper's authors and topics as
// papers/authors_and_topics_of_papers returns them: a page of papers that shows its authors and
// topics is one query.
// Returns: researcher_id, paper_id, sort_key, total, node,
//          authors [{researcher_id, position, is_corresponding, node}],
//          topics [{topic_id, score, primary, node}]
/*
:params {researcher_ids: ["A1"], order: "recency", after_key: null, limit: 20}
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
CALL (p) {
  OPTIONAL MATCH (p)<-[a:AUTHORED]-(author)
  WITH a, author
  ORDER BY CASE a.position WHEN 'first' THEN 0 WHEN 'last' THEN 2 ELSE 1 END, author.id
  RETURN collect(CASE WHEN author IS NOT NULL THEN {
           researcher_id: author.id, position: a.position,
           is_corresponding: coalesce(a.is_corresponding, false),
           node: {id: author.id, name: author.name, orcid: author.orcid,
                  alt_names: coalesce(author.alt_names, []),
                  open_to_collaborate: coalesce(author.open_to_collaborate, false),
                  verification_level: coalesce(author.verification_level, 0),
                  claimed: coalesce(author.claimed, false), trust_score: author.trust_score,
                  trust_tier: author.trust_tier, trust_propagated: author.trust_propagated}} END)
         AS authors
}
CALL (p) {
  OPTIONAL MATCH (p)-[h:HAS_TOPIC]->(t)
  WITH h, t, coalesce(h.primary, false) AS primary
  ORDER BY primary DESC, h.score DESC, t.id
  RETURN collect(CASE WHEN t IS NOT NULL THEN {
           topic_id: t.id, score: h.score, primary: primary,
           node: {id: t.id, name: t.name, level: t.level, papers: coalesce(t.papers, 0),
                  parent_id: head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(up)
                                            RETURN up.id })}} END) AS topics
}
RETURN researcher_id, p.id AS paper_id, sort_key, COUNT { (r)-[:AUTHORED]->() } AS total,
       {id: p.id, doi: p.doi, title: p.title, abstract: p.abstract, year: p.year,
        date: p.date, type: p.type, cited_by_count: coalesce(p.cited_by_count, 0),
        citations: coalesce(p.citations, 0),
        upvotes: coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() },
        is_retracted: coalesce(p.is_retracted, false),
        categories: coalesce(p.categories, []), organisation: p.organisation,
        source_ids: coalesce(p.ids, [p.id]),
        source_id: head(COLLECT { MATCH (p)-[:PUBLISHED_IN]->(s) RETURN s.id })} AS node,
       authors, topics
