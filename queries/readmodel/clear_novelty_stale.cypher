// readmodel/clear_novelty_stale: the end of a re-basing (every paper's novelty re-decided since
// readmodel/rebase_novelty_drift gave it $token): novelty is no longer stale, unless another
// re-basing started or a batch asked for one since (either replaced or removed the token).
// Returns: cleared
/*
:params {token: "0f3c"}
*/
OPTIONAL MATCH (c:Corpus {id: 'corpus'})
WHERE c.novelty_rebase = $token
SET c.novelty_stale = false
REMOVE c.novelty_rebase
RETURN c IS NOT NULL AS cleared
