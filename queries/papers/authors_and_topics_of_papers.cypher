// papers/authors_and_topics_of_papers: papers/authors_of_papers and papers/topics_of_papers in one
// query: each paper's authors (authorship order) and topics (primary first, then by score), each
// a list (a list decodes faster than a map of the same): the edge's fields, then its node's
// fields in the order of kg/nodes.py ResearcherNode and TopicNode.
// Returns: paper_id,
//          authors [[position, is_corresponding, id, name, orcid, alt_names, open_to_collaborate]],
//          topics [[score, primary, id, name, level, parent_id, papers]]
//          (no row for a paper not in the graph)
// A node reads only the fields $shown names for its kind (null for the others; kg/nodes.py
// Shown).
/*
:params {paper_ids: ["W1"], shown: {researcher: {name: true, orcid: true, alt_names: true, open_to_collaborate: true}, topic: {name: true, level: true, parent_id: true, papers: true}}}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
CALL (p) {
  OPTIONAL MATCH (p)<-[a:AUTHORED]-(r)
  WITH a, r
  ORDER BY CASE a.position WHEN 'first' THEN 0 WHEN 'last' THEN 2 ELSE 1 END, r.id
  RETURN collect(CASE WHEN r IS NOT NULL THEN [
           a.position, coalesce(a.is_corresponding, false),
           r.id, CASE WHEN $shown.researcher.name THEN r.name END,
           CASE WHEN $shown.researcher.orcid THEN r.orcid END,
           CASE WHEN $shown.researcher.alt_names THEN coalesce(r.alt_names, []) END,
           CASE WHEN $shown.researcher.open_to_collaborate
                THEN coalesce(r.open_to_collaborate, false) END] END)
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
RETURN paper_id, authors, topics
