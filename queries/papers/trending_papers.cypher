// papers/trending_papers: papers by upvotes (listing upvotes + users' upvotes), then citations, then
// date, published on or after $since (ISO date, or null for any), after a keyset cursor
// ($after_key: [upvotes, citations, date, id] of the last paper seen, or null), and how many
// papers qualify. Reads the stored keys (votes, citations, date_key) in the order of the
// paper_trend index and stops after $limit: a whole-graph list backed by an index.
// Returns: paper_id, upvotes, citations, date, total
/*
:params {since: null, after_key: null, limit: 20}
*/
CALL () {
  MATCH (p:Paper)
  RETURN count(p) AS papers
}
CALL () {
  WITH $since AS since
  WHERE since IS NOT NULL
  MATCH (p:Paper)
  WHERE p.date >= since
  RETURN count(p) AS papers_since
}
WITH CASE WHEN $since IS NULL THEN papers ELSE papers_since END AS total
MATCH (p:Paper)
USING INDEX p:Paper(votes, citations, date_key)
WHERE p.votes IS NOT NULL AND p.citations IS NOT NULL AND p.date_key IS NOT NULL
  AND ($since IS NULL OR p.date >= $since)
  AND ($after_key IS NULL
       OR [p.votes, p.citations, p.date_key] < [$after_key[0], $after_key[1], $after_key[2]]
       OR ([p.votes, p.citations, p.date_key] = [$after_key[0], $after_key[1], $after_key[2]]
           AND p.id > $after_key[3]))
RETURN p.id AS paper_id, p.votes AS upvotes, p.citations AS citations, p.date_key AS date, total
ORDER BY p.votes DESC, p.citations DESC, p.date_key DESC, p.id
LIMIT $limit
