// papers/authors_and_topics_of_papers: papers/authors_of_papers and papers/topics_of_papers in one
// query: each paper's authors (authorship order) and topics (primary first, then by score), each
// with its node as nodes/researchers_by_ids and nodes/topics_by_ids return them.
// Returns: paper_id, authors [{researcher_id, position, is_corresponding, node}],
//          topics [{topic_id, score, primary, node}] (no row for a paper not in the graph)
/*
:params {paper_ids: ["W1"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
CALL (p) {
  OPTIONAL MATCH (p)<-[a:AUTHORED]-(r)
  WITH a, r
  ORDER BY CASE a.position WHEN 'first' THEN 0 WHEN 'last' THEN 2 ELSE 1 END, r.id
  RETURN collect(CASE WHEN r IS NOT NULL THEN {
           researcher_id: r.id, position: a.position,
           is_corresponding: coalesce(a.is_corresponding, false),
           node: {id: r.id, name: r.name, orcid: r.orcid, alt_names: coalesce(r.alt_names, []),
                  open_to_collaborate: coalesce(r.open_to_collaborate, false),
                  verification_level: coalesce(r.verification_level, 0),
                  claimed: coalesce(r.claimed, false), trust_score: r.trust_score,
                  trust_tier: r.trust_tier, trust_propagated: r.trust_propagated}} END)
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
RETURN paper_id, authors, topics
