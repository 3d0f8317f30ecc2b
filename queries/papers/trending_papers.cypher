// papers/trending_papers: papers by upvotes (listing upvotes + users' upvotes), then citations, then date,
// published on or after $since (ISO date, or null for any), after a keyset cursor
// ($after_key: [upvotes, citations, date, id] of the last paper seen, or null).
// Returns: paper_id, upvotes, citations, date, total
/*
:params {since: null, after_key: null, limit: 20}
*/
MATCH (p:Paper)
WHERE $since IS NULL OR p.date >= $since
WITH p,
     coalesce(p.upvotes, 0) + COUNT { (p)<-[:UPVOTED]-(:User) } AS upvotes,
     CASE WHEN COUNT { (p)<-[:CITES]-() } > coalesce(p.cited_by_count, 0)
          THEN COUNT { (p)<-[:CITES]-() } ELSE coalesce(p.cited_by_count, 0) END AS citations,
     coalesce(p.date, '') AS date
WITH collect({p: p, upvotes: upvotes, citations: citations, date: date}) AS all, count(*) AS total
UNWIND all AS row
WITH row, total
WHERE $after_key IS NULL
   OR [row.upvotes, row.citations, row.date] < [$after_key[0], $after_key[1], $after_key[2]]
   OR ([row.upvotes, row.citations, row.date] = [$after_key[0], $after_key[1], $after_key[2]]
       AND row.p.id > $after_key[3])
RETURN row.p.id AS paper_id, row.upvotes AS upvotes, row.citations AS citations,
       row.date AS date, total
ORDER BY upvotes DESC, citations DESC, date DESC, paper_id
LIMIT $limit
