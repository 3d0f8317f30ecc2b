// papers/count_papers_since: how many papers were published on or after $since (ISO date; null for all).
// Returns: total
/*
:params {since: null}
*/
MATCH (p:Paper)
WHERE $since IS NULL OR p.date >= $since
RETURN count(p) AS total
