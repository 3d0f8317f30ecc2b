// topics/count_topical_papers: how many papers carry at least one topic (the N of NPMI).
// Returns: papers
MATCH (p:Paper)
WHERE EXISTS { (p)-[:HAS_TOPIC]->(:Topic) }
RETURN count(p) AS papers
