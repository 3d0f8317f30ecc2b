// readmodel/mark_novelty_stale: notes on the corpus node that a batch changed some paper's topics
// (so N, topic counts or pairs moved and novelty must be re-decided at the end of the file).
// Returns: stale
MERGE (c:Corpus {id: 'corpus'})
SET c.novelty_stale = true
RETURN c.novelty_stale AS stale
