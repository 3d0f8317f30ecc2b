// readmodel/novelty_band: the papers whose stored novelty_margin lies in [$low, $high], the
// only ones a batch's drift can have flipped (kg/ingest/novelty.py), by a range seek on
// paper_novelty_margin; at most $limit.
// Returns: id
/*
:params {low: -0.05, high: 0.05, limit: 1000}
*/
MATCH (p:Paper)
WHERE p.novelty_margin >= $low AND p.novelty_margin <= $high
RETURN p.id AS id
LIMIT $limit
