// topics/top_researchers_of_topics: topics/top_researchers for many topics in one query: the
// researchers with the most works on each topic (or under it), then the most citations of those
// works (stored), then id, the first $first each.
// Returns: of_id, researchers [{id, name, works, citations}] (no row for a topic not in the graph)
/*
:params {topic_ids: ["T10399"], first: 10}
*/
UNWIND $topic_ids AS of_id
MATCH (t:Topic {id: of_id})
CALL (t) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
  WITH p, coalesce(p.citations, 0) AS citations
  // only researchers author (queries/ingest/authorships.cypher): no label check per authorship
  MATCH (r)-[:AUTHORED]->(p)
  WITH r, count(p) AS works, sum(citations) AS citations
  WITH collect({researcher: r, works: works, citations: citations}) AS authors
  // the id breaks ties only among the authors at least level with the $first-th
  WITH authors, COLLECT { UNWIND authors AS x RETURN x AS best
                          ORDER BY x.works DESC, x.citations DESC LIMIT $first } AS most
  UNWIND [x IN authors WHERE x.works > last(most).works
          OR (x.works = last(most).works AND x.citations >= last(most).citations)] AS x
  WITH x.researcher AS r, x.works AS works, x.citations AS citations
  ORDER BY works DESC, citations DESC, r.id
  LIMIT $first
  RETURN collect({id: r.id, name: r.name, works: works, citations: citations}) AS researchers
}
RETURN of_id, researchers
