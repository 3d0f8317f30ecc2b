// graph_census: how many nodes and edges of each kind the graph holds (tests, benchmarks, status).
// Returns: what, n
MATCH (n:Paper) RETURN 'papers' AS what, count(n) AS n
UNION ALL MATCH (n:Researcher) RETURN 'researchers' AS what, count(n) AS n
UNION ALL MATCH (n:Institution) RETURN 'institutions' AS what, count(n) AS n
UNION ALL MATCH (n:Institution) WHERE EXISTS { (n)<-[:AFFILIATED_WITH]-() }
  RETURN 'institutions_named_in_authorships' AS what, count(n) AS n
UNION ALL MATCH (n:Topic) RETURN 'topics:' + n.level AS what, count(n) AS n
UNION ALL MATCH (n:Source) RETURN 'sources' AS what, count(n) AS n
UNION ALL MATCH ()-[r:AUTHORED]->() RETURN 'authored' AS what, count(r) AS n
UNION ALL MATCH ()-[r:HAS_TOPIC]->() RETURN 'has_topic' AS what, count(r) AS n
UNION ALL MATCH ()-[r:CITES]->() RETURN 'cites' AS what, count(r) AS n
UNION ALL MATCH ()-[r:PUBLISHED_IN]->() RETURN 'published_in' AS what, count(r) AS n
UNION ALL MATCH ()-[r:PART_OF]->() RETURN 'part_of' AS what, count(r) AS n
UNION ALL MATCH ()-[r:SUBTOPIC_OF]->() RETURN 'subtopic_of' AS what, count(r) AS n
UNION ALL MATCH ()-[r:COAUTHOR]->() RETURN 'coauthor_pairs' AS what, count(r) AS n
UNION ALL MATCH ()-[r:AFFILIATED_WITH]->() RETURN 'affiliated_with' AS what, count(r) AS n
UNION ALL MATCH (a:Topic)-[r:CO_OCCURS]->(b:Topic)
  RETURN 'cooccurs_pairs:' + CASE WHEN a.level = b.level THEN a.level ELSE 'mixed' END AS what, count(r) AS n
