// readmodel/move_top_papers: moves the stored top papers (readmodel/top_papers) of every topic a
// batch's papers are on or were on, and of the topics above those (SUBTOPIC_OF*0..3), after the
// papers' citations, years and topics were written. Each such topic's old list, less the given
// papers, merged with the given papers now under it, is exact when it still holds $keep entries
// ranked at or before the old list's last one (every paper outside the list ranks after that
// one and none of them changed), or when the old list was not full (it held every paper); only
// otherwise (a paper of a full list fell or left it) is the topic recounted from its subtree.
// $topic_ids: topics the papers may have left (the papers' current topics are found here);
// $joined_ids: topics that gained a SUBTOPIC_OF edge to them from a topic with papers (ingest/
// topics): they and the topics above them are recounted.
// Returns: topics
/*
:params {paper_ids: ["W2741809807"], topic_ids: ["T10965"], joined_ids: [], keep: 100}
*/
CALL () {
  UNWIND $paper_ids AS paper_id
  MATCH (p:Paper {id: paper_id})-[:HAS_TOPIC]->(:Topic)-[:SUBTOPIC_OF*0..3]->(t:Topic)
  WITH DISTINCT t, p
  RETURN t, collect({id: p.id, citations: coalesce(p.citations, 0), year: coalesce(p.year, 0)})
         AS fresh, false AS joined
  UNION ALL
  UNWIND $topic_ids AS topic_id
  MATCH (:Topic {id: topic_id})-[:SUBTOPIC_OF*0..3]->(t:Topic)
  RETURN t, [] AS fresh, false AS joined
  UNION ALL
  UNWIND $joined_ids AS topic_id
  MATCH (:Topic {id: topic_id})-[:SUBTOPIC_OF*0..3]->(t:Topic)
  RETURN t, [] AS fresh, true AS joined
}
WITH t, collect(fresh) AS found, true IN collect(joined) AS joined
WITH t, joined, reduce(all = [], fresh IN found | all + fresh) AS fresh,
     coalesce(t.top_papers, []) AS ids, coalesce(t.top_paper_citations, []) AS citations,
     coalesce(t.top_paper_years, []) AS years
WITH t, joined, fresh, [i IN range(0, size(ids) - 1) |
                {id: ids[i], citations: citations[i], year: years[i]}] AS old
WITH t, joined, old, [o IN old WHERE NOT o.id IN $paper_ids] + fresh AS merged
WITH t, merged, joined OR size(old) >= $keep AND size([x IN merged WHERE
       x.citations > last(old).citations
       OR (x.citations = last(old).citations AND (x.year > last(old).year
           OR (x.year = last(old).year AND x.id <= last(old).id)))]) < $keep AS fell
CALL (t, merged, fell) {
  CALL (t, merged, fell) {
    WITH t WHERE fell
    MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
    WITH DISTINCT p
    RETURN p.id AS id, coalesce(p.citations, 0) AS citations, coalesce(p.year, 0) AS year
    UNION ALL
    WITH merged WHERE NOT fell
    UNWIND merged AS x
    RETURN x.id AS id, x.citations AS citations, x.year AS year
  }
  WITH id, citations, year
  ORDER BY citations DESC, year DESC, id
  LIMIT $keep
  RETURN collect(id) AS ids, collect(citations) AS citations, collect(year) AS years
}
SET t.top_papers = CASE WHEN size(ids) > 0 THEN ids END,
    t.top_paper_citations = CASE WHEN size(ids) > 0 THEN citations END,
    t.top_paper_years = CASE WHEN size(ids) > 0 THEN years END
RETURN count(t) AS topics
