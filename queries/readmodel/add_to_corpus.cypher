// readmodel/add_to_corpus: adds to the corpus counters behind NPMI, kept on the one `Corpus`
// node: topical_papers (papers with a topic of any level, the N of topic adjacency) and
// tagged_papers (papers with a level-`topic` topic, the N of novelty).
// Returns: topical_papers, tagged_papers
/*
:params {topical_delta: 0, tagged_delta: 0}
*/
MERGE (c:Corpus {id: 'corpus'})
SET c.topical_papers = coalesce(c.topical_papers, 0) + $topical_delta,
    c.tagged_papers = coalesce(c.tagged_papers, 0) + $tagged_delta
RETURN c.topical_papers AS topical_papers, c.tagged_papers AS tagged_papers
