// coauthorship/collaboration_path: a shortest COAUTHOR path between two distinct researchers (at most 10
// hops; longer than $max_hops gives no row), with the papers both ends of each step AUTHORED,
// newest first.
// Returns: researchers [{id, name}], steps [{from_id, to_id, papers [{id, title, year}]}]
/*
:params {from_id: "A5023888391", to_id: "A5000000001", max_hops: 6}
*/
MATCH (a:Researcher {id: $from_id})
MATCH (b:Researcher {id: $to_id})
MATCH path = shortestPath((a)-[:COAUTHOR*..10]-(b))
WITH path WHERE length(path) <= $max_hops
WITH path, nodes(path) AS people
CALL (people) {
  UNWIND range(0, size(people) - 2) AS i
  WITH i, people[i] AS x, people[i + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WITH p ORDER BY p.year DESC, p.id
    RETURN collect({id: p.id, title: p.title, year: p.year}) AS papers
  }
  WITH i, x, y, papers ORDER BY i
  RETURN collect({from_id: x.id, to_id: y.id, papers: papers}) AS steps
}
RETURN [p IN people | {id: p.id, name: p.name}] AS researchers, steps
