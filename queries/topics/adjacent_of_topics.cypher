// topics/adjacent_of_topics: topics/adjacent for many topics in one query (the same order, NPMI
// and keyset cursor, which applies to every topic).
// Each neighbour carries its node as nodes/topics_by_ids returns it (`node`).
// With $owner, each row also carries its topic (`owner`) as nodes/topics_by_ids returns it: a
// topic's node and its adjacent topics in one query; without, null.
// With $top_papers > 0 (at most the stored length, TOP_TOPIC_PAPERS), each row also carries the
// topic's first $top_papers papers as topics/top_papers_of_topics returns them (`top_papers`):
// a topic page's node, adjacent topics and top papers in one query; with 0, null.
// Returns: of_id, total, neighbours [{id, name, level, papers, npmi, node}], owner,
//          top_papers [{id, title, year, citations, node}] (no row for a topic not in the graph)
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {topic_ids: ["T10965"], after: null, first: 10, owner: false, top_papers: 0, shown: {topic: {name: true, level: true, parent_id: true, papers: true}, paper: {doi: true, title: true, abstract: true, year: true, date: true, type: true, cited_by_count: true, citations: true, upvotes: true, is_retracted: true, categories: true, organisation: true, source_ids: true, source_id: true}}}
*/
UNWIND $topic_ids AS of_id
MATCH (t:Topic {id: of_id})
OPTIONAL MATCH (corpus:Corpus {id: 'corpus'})
WITH of_id, t, toFloat(coalesce(corpus.topical_papers, 0)) AS n, toFloat(t.papers) AS n_t
CALL (t, n, n_t) {
  // CO_OCCURS joins topics only (no label check); NPMI and id are read only for the neighbours
  // sharing at least as many papers as the $first-th after the cursor
  MATCH (t)-[c:CO_OCCURS]-(u)
  WITH u, c.papers AS papers
  WITH u, papers,
       CASE WHEN $after IS NOT NULL AND papers = $after.papers
            THEN CASE WHEN papers >= n THEN 1.0
                      ELSE log(papers * n / (n_t * toFloat(u.papers))) / -log(papers / n) END
       END AS tied_npmi
  WHERE $after IS NULL OR papers < $after.papers
     OR (papers = $after.papers
         AND (tied_npmi < $after.npmi OR (tied_npmi = $after.npmi AND u.id > $after.id)))
  WITH collect({topic: u, papers: papers}) AS shared
  WITH shared, COLLECT { UNWIND shared AS x RETURN x.papers AS papers
                         ORDER BY papers DESC LIMIT $first } AS most
  UNWIND [x IN shared WHERE x.papers >= last(most)] AS x
  WITH x.topic AS u, x.papers AS papers
  WITH u, papers,
       CASE WHEN papers >= n THEN 1.0
            ELSE log(papers * n / (n_t * toFloat(u.papers))) / -log(papers / n) END AS npmi
  WITH u, papers, npmi
  ORDER BY papers DESC, npmi DESC, u.id
  LIMIT $first
  RETURN collect({id: u.id, name: u.name, level: u.level, papers: papers, npmi: npmi,
                  node: {id: u.id, name: CASE WHEN $shown.topic.name THEN u.name END,
                         level: CASE WHEN $shown.topic.level THEN u.level END,
                         papers: CASE WHEN $shown.topic.papers THEN coalesce(u.papers, 0) END,
                         parent_id: CASE WHEN $shown.topic.parent_id
                                    THEN head(COLLECT { MATCH (u)-[:SUBTOPIC_OF]->(up)
                                                        RETURN up.id }) END}}) AS neighbours
}
CALL (t) {
  WITH coalesce(t.top_papers, [])[..$top_papers] AS ids
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
                                                        RETURN s.id }) END}}) AS top_papers
}
RETURN of_id, COUNT { (t)-[:CO_OCCURS]-() } AS total, neighbours,
       CASE WHEN $top_papers > 0 THEN top_papers END AS top_papers,
       CASE WHEN $owner THEN
         {id: t.id, name: CASE WHEN $shown.topic.name THEN t.name END,
          level: CASE WHEN $shown.topic.level THEN t.level END,
          papers: CASE WHEN $shown.topic.papers THEN coalesce(t.papers, 0) END,
          parent_id: CASE WHEN $shown.topic.parent_id
                     THEN head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(up) RETURN up.id }) END}
       END AS owner
