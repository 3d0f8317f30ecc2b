// readmodel/researcher_figures: stores the profile figures of each given researcher, from their
// own works and edges (the stored paper figures: citations, novel): works, citations, h_index,
// i10_index, first_year, last_year, novel_works, novelty (novel_works / works, 0.0 without
// works), topics (distinct level-`topic` topics of their works), followers, ai_works (works
// in AI: an arXiv category of $ai_categories, or a topic under $ai_subfield) and ai_score
// (round(100 * ai_works / works), 0 without works). One expansion over each researcher's works and their topics; the topics
// under $ai_subfield are found once. close_collaborators is moved by derive/move_coauthors
// (0 until a pair crosses; readmodel/close_collaborators recounts it for `kg derive --full`).
// Returns: researchers
/*
:params {researcher_ids: ["A5023888391"], ai_categories: ["cs.AI", "cs.LG", "cs.CL", "cs.CV", "cs.NE", "stat.ML"], ai_subfield: "subfields/1702"}
*/
CALL () {
  MATCH (t:Topic)-[:SUBTOPIC_OF*0..3]->(:Topic {id: $ai_subfield})
  RETURN collect(t) AS ai_topics
}
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r, ai_topics) {
  MATCH (r)-[:AUTHORED]->(p:Paper)
  WITH p, coalesce(p.citations, 0) AS citations, [(p)-[:HAS_TOPIC]->(t:Topic) | t] AS topics
  ORDER BY citations DESC
  RETURN count(p) AS works, sum(citations) AS citations, collect(citations) AS ranked,
         min(p.year) AS first_year, max(p.year) AS last_year,
         sum(CASE WHEN p.novel THEN 1 ELSE 0 END) AS novel_works,
         sum(CASE WHEN any(c IN coalesce(p.categories, []) WHERE c IN $ai_categories)
                       OR any(t IN topics WHERE t IN ai_topics) THEN 1 ELSE 0 END) AS ai_works,
         collect(topics) AS topic_lists
}
CALL (topic_lists) {
  UNWIND topic_lists AS topics
  UNWIND topics AS t
  WITH DISTINCT t
  WHERE t.level = 'topic'
  RETURN count(t) AS topics
}
SET r.works = works, r.citations = citations,
    r.h_index = size([i IN range(0, size(ranked) - 1) WHERE ranked[i] >= i + 1]),
    r.i10_index = size([c IN ranked WHERE c >= 10]),
    r.first_year = first_year, r.last_year = last_year,
    r.novel_works = novel_works,
    r.novelty = CASE WHEN works > 0 THEN toFloat(novel_works) / works ELSE 0.0 END,
    r.topics = topics,
    r.close_collaborators = coalesce(r.close_collaborators, 0),
    r.followers = COUNT { (r)<-[:FOLLOWS]-() },
    r.ai_works = ai_works,
    r.ai_score = CASE WHEN works > 0 THEN toInteger(round(100.0 * ai_works / works)) ELSE 0 END
RETURN count(r) AS researchers
