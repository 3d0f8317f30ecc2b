// papers/count_papers_since: how many papers were published on or after $since (ISO date), or
// how many papers there are when it is null (the count store; a date range seek otherwise).
// Returns: total
/*
:params {since: null}
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
RETURN CASE WHEN $since IS NULL THEN papers ELSE papers_since END AS total
