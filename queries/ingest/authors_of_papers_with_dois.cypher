// ingest/authors_of_papers_with_dois: the researchers with a source id who authored a paper carrying one
// of these DOIs, with their name keys (the only candidates a name-only author may be merged with).
// Returns: doi, researcher_id, name_key
/*
:params {dois: ["10.48550/arxiv.2204.05114"]}
*/
UNWIND $dois AS doi
MATCH (p:Paper {doi: doi})<-[:AUTHORED]-(r:Researcher)
WHERE NOT r.id STARTS WITH 'name:' AND r.name_key IS NOT NULL
RETURN DISTINCT doi, r.id AS researcher_id, r.name_key AS name_key
