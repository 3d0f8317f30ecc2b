// Lookup and full-text indexes. Idempotent (IF NOT EXISTS).
CREATE INDEX paper_doi IF NOT EXISTS FOR (n:Paper) ON (n.doi);
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxiv_id);
CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year);
CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);
// Trending papers in order (stored by the read model: votes = listing upvotes + user upvotes,
// citations, date_key = date or '').
CREATE INDEX paper_trend IF NOT EXISTS FOR (n:Paper) ON (n.votes, n.citations, n.date_key);
CREATE INDEX researcher_orcid IF NOT EXISTS FOR (n:Researcher) ON (n.orcid);
CREATE INDEX researcher_name_key IF NOT EXISTS FOR (n:Researcher) ON (n.name_key);
CREATE INDEX institution_ror IF NOT EXISTS FOR (n:Institution) ON (n.ror);
CREATE INDEX topic_level IF NOT EXISTS FOR (n:Topic) ON (n.level);
CREATE INDEX user_token_hash IF NOT EXISTS FOR (n:User) ON (n.token_hash);
CREATE INDEX claimed_id IF NOT EXISTS FOR ()-[r:CLAIMED]-() ON (r.id);
// The references a paper still waits for (pending_refs, a list): the keyword analyzer makes
// each id one exact term, so a landing paper finds the papers waiting for it by a term lookup
// (ingest/waiting_papers), whatever characters the id holds. Synchronous, unlike the search
// indexes below: the next batch must see what this one left waiting.
CREATE FULLTEXT INDEX paper_pending_refs IF NOT EXISTS FOR (n:Paper) ON EACH [n.pending_refs]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// The full-text indexes are eventually consistent: a commit queues their updates and returns,
// and a background thread applies them moments later (an ingest batch's commit no longer waits
// for Lucene; search may lag a write by that much). `kg ingest` ends by waiting for them
// (admin/await_search), and `kg schema apply` re-creates an index whose config differs.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX researcher_name IF NOT EXISTS FOR (n:Researcher) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX institution_name IF NOT EXISTS FOR (n:Institution) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
// Novelty re-decided by band (kg/ingest/novelty.py): each paper's class (and flag) with its
// least pair margin, and the pairs whose count drifted since the last re-basing.
CREATE INDEX paper_novelty_class_margin IF NOT EXISTS
FOR (n:Paper) ON (n.novelty_class, n.novelty_margin);
CREATE INDEX cooccurs_novelty_drift IF NOT EXISTS FOR ()-[r:CO_OCCURS]-() ON (r.novelty_drift);
