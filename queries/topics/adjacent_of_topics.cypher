// topics/adjacent_of_topics: topics/adjacent for many topics in one query (the same order, NPMI
// and keyset cursor, which applies to every topic).
// Each neighbour carries its node as nodes/topics_by_ids returns it (`node`).
// With $owner, each row also carries its topic (`owner`) as nodes/topics_by_ids returns it: a
// topic's node and its adjacent topics in one query; without, null.
// Returns: of_id, total, neighbours [{id, name, level, papers, npmi, node}], owner (no row for a
// topic not in the graph)
// A `node` map reads only the fields $shown names for its kind (null for the others;
// kg/nodes.py Shown).
/*
:params {topic_ids: ["T10965"], after: null, first: 10, owner: false, shown: {topic: {name: true, level: true, parent_id: true, papers: true}}}
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
RETURN of_id, COUNT { (t)-[:CO_OCCURS]-() } AS total, neighbours,
       CASE WHEN $owner THEN
         {id: t.id, name: CASE WHEN $shown.topic.name THEN t.name END,
          level: CASE WHEN $shown.topic.level THEN t.level END,
          papers: CASE WHEN $shown.topic.papers THEN coalesce(t.papers, 0) END,
          parent_id: CASE WHEN $shown.topic.parent_id
                     THEN head(COLLECT { MATCH (t)-[:SUBTOPIC_OF]->(up) RETURN up.id }) END}
       END AS owner
