// readmodel/paper_figures: stores each given paper's figures: citations (max(cited_by_count,
// CITES edges into it)), topical (it has a topic of any level) and leveled_topics (how many
// level-`topic` topics it has). Expands from each paper only (relationship counts are degree
// reads). Returns the change of the corpus counters and the authors of papers whose citations
// changed (their figures need refreshing). Also the trending keys: votes (listing upvotes + user
// upvotes) and date_key (date, or '' without one).
// Returns: topical_delta, tagged_delta, researcher_ids
/*
:params {paper_ids: ["W2741809807"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
WITH p, coalesce(p.topical, false) AS was_topical, coalesce(p.leveled_topics, 0) > 0 AS was_tagged,
     p.citations AS old_citations, coalesce(p.cited_by_count, 0) AS reported,
     COUNT { (p)<-[:CITES]-() } AS linked,
     COUNT { (p)-[:HAS_TOPIC]->() } > 0 AS topical,
     size([(p)-[:HAS_TOPIC]->(t:Topic) WHERE t.level = 'topic' | t]) AS leveled
WITH p, was_topical, was_tagged, topical, leveled, old_citations,
     CASE WHEN linked > reported THEN linked ELSE reported END AS citations
SET p.citations = citations, p.topical = topical, p.leveled_topics = leveled,
    p.votes = coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-() },
    p.date_key = coalesce(p.date, '')
WITH p, toInteger(topical) - toInteger(was_topical) AS topical_change,
     toInteger(leveled > 0) - toInteger(was_tagged) AS tagged_change,
     old_citations IS NULL OR old_citations <> citations AS cited_changed
CALL (p, cited_changed) {
  WITH p WHERE cited_changed
  MATCH (r:Researcher)-[:AUTHORED]->(p)
  RETURN collect(r.id) AS authors
}
UNWIND (authors + [null]) AS author
RETURN sum(CASE WHEN author IS NULL THEN topical_change ELSE 0 END) AS topical_delta,
       sum(CASE WHEN author IS NULL THEN tagged_change ELSE 0 END) AS tagged_delta,
       collect(DISTINCT author) AS researcher_ids
