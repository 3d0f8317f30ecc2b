// live_topic_figures: each topic's paper count computed live, beside the stored one (the read
// model's oracle).
// Returns: id, papers, stored_papers
MATCH (t:Topic)
RETURN t.id AS id, COUNT { (t)<-[:HAS_TOPIC]-(:Paper) } AS papers, t.papers AS stored_papers
