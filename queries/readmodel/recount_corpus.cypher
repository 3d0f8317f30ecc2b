// readmodel/recount_corpus: sets the corpus counters from the stored flags of every paper (a
// scan of all papers: `kg derive --full` only, which re-decides every paper's novelty next, so
// novelty is no longer stale).
// Returns: topical_papers, tagged_papers
MATCH (p:Paper)
WITH sum(toInteger(coalesce(p.topical, false))) AS topical,
     sum(toInteger(coalesce(p.leveled_topics, 0) > 0)) AS tagged
MERGE (c:Corpus {id: 'corpus'})
SET c.topical_papers = topical, c.tagged_papers = tagged, c.novelty_stale = false
RETURN c.topical_papers AS topical_papers, c.tagged_papers AS tagged_papers
