// stored_researcher_figures: the stored profile figures of every researcher (read model tests).
// Returns: id, works, citations, h_index, i10_index, followers, topics, close_collaborators,
//          first_year, last_year, novel_works, novelty
MATCH (r:Researcher)
RETURN r.id AS id, r.works AS works, r.citations AS citations, r.h_index AS h_index,
       r.i10_index AS i10_index, r.followers AS followers, r.topics AS topics,
       r.close_collaborators AS close_collaborators, r.first_year AS first_year,
       r.last_year AS last_year, r.novel_works AS novel_works, r.novelty AS novelty
