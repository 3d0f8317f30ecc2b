// coauthorship/suggested_collaborators_of_researchers: for each researcher, co-authors of their
// co-authors who share level-`topic` topics with them and never wrote a paper with them, best
// first, at most $limit each. Bounded by the rankings kept at write time, so a hub costs no more
// than anyone: the intermediates are the researcher's stored top co-authors (top_coauthors, by
// shared works), the candidates their own stored top co-authors, and only the $pool candidates
// with the strongest bridge are scored. score = bridge * overlap: bridge = sum over intermediates
// of min(shared works with r, shared works with s); overlap = Jaccard of the two topic sets
// (topics of each one's papers). Unknown ids are left out.
// Returns: researcher_id, suggestions [{id, name, score, bridge, overlap,
//          via [{id, name, strength}], shared_topics [{id, name}]}]
/*
:params {researcher_ids: ["A5023888391"], limit: 10, pool: 50}
*/
UNWIND $researcher_ids AS researcher_id
MATCH (r:Researcher {id: researcher_id})
CALL (r) {
  CALL (r) {
    CALL (r) {
      UNWIND range(0, size(coalesce(r.top_coauthors, [])) - 1) AS i
      MATCH (via:Researcher {id: r.top_coauthors[i]})
      WITH via, r.top_coauthor_works[i] AS near
      UNWIND range(0, size(coalesce(via.top_coauthors, [])) - 1) AS j
      WITH via, near, via.top_coauthors[j] AS candidate, via.top_coauthor_works[j] AS far
      WHERE candidate <> r.id
      WITH candidate, via, CASE WHEN near < far THEN near ELSE far END AS strength
      ORDER BY strength DESC, via.id
      WITH candidate, collect({id: via.id, name: via.name, strength: strength}) AS via
      WITH candidate, via, reduce(total = 0, v IN via | total + v.strength) AS bridge
      ORDER BY bridge DESC, candidate
      // Sorted before the tests, so the LIMIT stops testing once the pool is full (the
      // planner sees the rows already in the final order: no second sort, no test per
      // candidate). The COAUTHOR test is a cheap first cut; the AUTHORED test below also
      // covers the consortium papers (more than 200 authors) that COAUTHOR leaves out.
      MATCH (s:Researcher {id: candidate})
      WHERE NOT EXISTS { (r)-[:COAUTHOR]-(s) }
      WITH s, via, bridge, candidate
      ORDER BY bridge DESC, candidate
      LIMIT $pool
      RETURN s, via, bridge
    }
    WITH r, collect({s: s, via: via, bridge: bridge}) AS pool
    CALL (r) {
      MATCH (r)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic {level: 'topic'})
      RETURN collect(DISTINCT t) AS own_topics
    }
    UNWIND pool AS candidate
    WITH r, own_topics, candidate.s AS s, candidate.via AS via, candidate.bridge AS bridge
    CALL (s, own_topics) {
      MATCH (s)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic {level: 'topic'})
      WITH collect(DISTINCT t) AS their_topics
      RETURN [t IN their_topics WHERE t IN own_topics] AS shared, size(their_topics) AS their_count
    }
    WITH r, own_topics, s, via, bridge, shared, their_count
    WHERE size(shared) > 0 AND NOT EXISTS { (r)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(s) }
    WITH s, via, shared, bridge,
         toFloat(size(shared)) / (size(own_topics) + their_count - size(shared)) AS overlap
    RETURN s.id AS id, s.name AS name, bridge * overlap AS score, bridge, overlap, via,
           [t IN shared | {id: t.id, name: t.name}] AS shared_topics
    ORDER BY score DESC, id
    LIMIT $limit
  }
  RETURN collect({id: id, name: name, score: score, bridge: bridge, overlap: overlap, via: via,
                  shared_topics: shared_topics}) AS suggestions
}
RETURN r.id AS researcher_id, suggestions
