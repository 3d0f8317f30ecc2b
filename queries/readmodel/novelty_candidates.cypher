// readmodel/novelty_candidates: the papers with two or more level-`topic` topics, the only ones
// that can be novel (a scan of all papers; run once at the end of an ingest and by
// `kg derive --full`, never by a request), with those whose stored flag is still set.
// Returns: id
MATCH (p:Paper)
WHERE p.leveled_topics >= 2 OR p.novel
RETURN p.id AS id
