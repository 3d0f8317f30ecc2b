// readmodel/forget_pair_drift: removes the novelty_drift, _rise and _top of up to $limit
// CO_OCCURS pairs (the re-basing, by a seek on cooccurs_novelty_drift; repeated until none is
// left).
// Returns: forgotten
/*
:params {limit: 50000}
*/
MATCH ()-[pair:CO_OCCURS]->()
WHERE pair.novelty_drift IS NOT NULL
WITH pair LIMIT $limit
SET pair.novelty_drift = null, pair.novelty_rise = null, pair.novelty_top = null
RETURN count(*) AS forgotten
