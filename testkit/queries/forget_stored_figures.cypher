// forget_stored_figures: removes every stored figure of the read model and the corpus node, so a
// test can prove that `kg derive --full` rebuilds them all.
// Returns: nodes
MATCH (n:Paper|Researcher|Topic|Corpus)
REMOVE n.citations, n.topical, n.leveled_topics, n.novel, n.papers, n.works, n.h_index,
       n.i10_index, n.first_year, n.last_year, n.novel_works, n.novelty, n.topics,
       n.close_collaborators, n.followers, n.top_coauthors, n.top_coauthor_works, n.top_papers,
       n.top_paper_citations, n.top_paper_years
WITH n WHERE n:Corpus
DELETE n
RETURN count(*) AS nodes
