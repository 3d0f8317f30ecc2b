// readmodel/novelty_candidates: the papers with two or more level-`topic` topics, the only ones
// that can be novel, with those that still store a flag or a margin (a scan of all papers: the
// re-basing of kg/ingest/novelty.py and `kg derive --full` only, never a request).
// Returns: id
MATCH (p:Paper)
WHERE p.leveled_topics >= 2 OR p.novel OR p.novelty_margin IS NOT NULL
RETURN p.id AS id
