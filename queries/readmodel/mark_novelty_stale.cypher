// readmodel/mark_novelty_stale: notes on the corpus node that a batch moved the inputs of
// novelty too far for its band (kg/ingest/novelty.py), so every paper's novelty is re-decided
// right after the batch commits; a re-basing under way then leaves it stale (its token goes).
// Returns: stale
MERGE (c:Corpus {id: 'corpus'})
SET c.novelty_stale = true
REMOVE c.novelty_rebase
RETURN c.novelty_stale AS stale
