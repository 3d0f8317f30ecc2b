// forget_novelty_classes: makes the graph look like a store written before novelty's classes
// (kg/ingest/novelty.py): no class on any paper, no rises and falls per class on the Corpus,
// novelty not stale.
// Returns: papers
MATCH (c:Corpus {id: 'corpus'})
REMOVE c.novelty_topic_rises, c.novelty_topic_falls, c.novelty_pair_rises, c.novelty_pair_falls
SET c.novelty_stale = false
WITH c
MATCH (p:Paper)
WHERE p.novelty_class IS NOT NULL
REMOVE p.novelty_class
RETURN count(p) AS papers
