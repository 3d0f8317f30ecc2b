// papers/papers_with_authors_and_topics_of_researchers: the page of papers/papers_of_researchers
// ($order, keyset cursor, each paper with its node), and each paper's authors and topics as
// papers/authors_and_topics_of_papers returns them (lists): a page of papers that shows its
// authors and topics is one query, one row a researcher whose page holds papers (one row
// decodes faster than one a paper).
// With $owner, the row also carries its researcher (`owner`) as nodes/researchers_by_ids
// returns it: a researcher's node and a page of its papers in one query; without, null.
// Returns: researcher_id, total, owner,
//          papers [[paper_id, sort_key, node, authors, topics]] (in the page's order), where
//          authors [[position, is_corresponding, id, name, orcid, alt_names, open_to_collaborate]],
//          topics [[score, primary, id, name, level, parent_id, papers]]
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {researcher_ids: ["A1"], order: "recency", after_key: null, limit: 20, owner: false, shown: {paper: {doi: true, title: true, abstract: true, year: true, date: true, type: true, cited_by_count: true, citations: true, upvotes: true, is_retracted: true, categories: true, organisation: true, source_ids: true, source_id: true}, researcher: {name: true, orcid: true, alt_names: true, open_to_collaborate: true}, topic: {name: true, level: true, parent_id: true, papers: true}}}
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
  RETURN collect(CASE WHEN author IS NOT NULL THEN [
           a.position, coalesce(a.is_corresponding, false),
           author.id, CASE WHEN $shown.researcher.name THEN author.name END,
           CASE WHEN $shown.researcher.orcid THEN author.orcid END,
           CASE WHEN $shown.researcher.alt_names THEN coalesce(author.alt_names, []) END,
           CASE WHEN $shown.researcher.open_to_collaborate
                THEN coalesce(author.open_to_collaborate, false) END] END)
         AS authors
}
CALL (p) {
  OPTIONAL MATCH (p)-[h:HAS_TOPIC]->(t)
  WITH h, t, coalesce(h.primary, false) AS primary
  ORDER BY primary DESC, h.score DESC, t.id
  RETURN collect(CASE WHEN t IS NOT NULL THEN [
           h.score, primary,
           t.id, CASE WHEN $shown.topic.name THEN t.name END,
           CASE WHEN $shown.topic.level THEN t.level END,
           CASE WHEN $shown.topic.parent_id
                THEN head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(up) RETURN up.id }) END,
           CASE WHEN $shown.topic.papers THEN coalesce(t.papers, 0) END] END) AS topics
}
WITH r, researcher_id, collect([p.id, sort_key,
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
                   THEN head(COLLECT { MATCH (p)-[:PUBLISHED_IN]->(s) RETURN s.id }) END},
       authors, topics]) AS papers
RETURN researcher_id, papers, COUNT { (r)-[:AUTHORED]->() } AS total,
       CASE WHEN $owner THEN
         {id: r.id, name: CASE WHEN $shown.researcher.name THEN r.name END,
          orcid: CASE WHEN $shown.researcher.orcid THEN r.orcid END,
          alt_names: CASE WHEN $shown.researcher.alt_names THEN coalesce(r.alt_names, []) END,
          open_to_collaborate: CASE WHEN $shown.researcher.open_to_collaborate
                               THEN coalesce(r.open_to_collaborate, false) END}
       END AS owner
