// papers/similar_papers: for each paper, the papers most like it, with the reasons: co_cited (papers
// in the graph citing both), shared_references (papers both cite), shared_topics (level-`topic`
// topics both carry). score = 2 * co_cited + 2 * shared_references + shared_topics; most first,
// then id; the first $first each. Expands from each paper only (two hops).
// Returns: of_id, similar [{id, score, co_cited, shared_references, shared_topics}]
/*
:params {paper_ids: ["W4319441783"], first: 10}
*/
UNWIND $paper_ids AS of_id
MATCH (p:Paper {id: of_id})
CALL (p) {
  CALL (p) {
    MATCH (p)<-[:CITES]-(c:Paper)-[:CITES]->(q:Paper)
    WHERE q <> p
    RETURN q, count(DISTINCT c) AS co_cited, 0 AS shared_references, 0 AS shared_topics
    UNION ALL
    MATCH (p)-[:CITES]->(r:Paper)<-[:CITES]-(q:Paper)
    WHERE q <> p
    RETURN q, 0 AS co_cited, count(DISTINCT r) AS shared_references, 0 AS shared_topics
    UNION ALL
    MATCH (p)-[:HAS_TOPIC]->(t:Topic {level: 'topic'})<-[:HAS_TOPIC]-(q:Paper)
    WHERE q <> p
    RETURN q, 0 AS co_cited, 0 AS shared_references, count(DISTINCT t) AS shared_topics
  }
  WITH q, sum(co_cited) AS co_cited, sum(shared_references) AS shared_references,
       sum(shared_topics) AS shared_topics
  WITH q, co_cited, shared_references, shared_topics,
       2 * co_cited + 2 * shared_references + shared_topics AS score
  ORDER BY score DESC, q.id
  LIMIT $first
  RETURN collect({id: q.id, score: score, co_cited: co_cited,
                  shared_references: shared_references, shared_topics: shared_topics}) AS similar
}
RETURN of_id, similar
