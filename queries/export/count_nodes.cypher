// export/count_nodes: how many nodes a whole-graph export writes (from the count store), for its progress bar.
// Returns: nodes
CALL () {
  MATCH (n:Paper) RETURN count(n) AS n
  UNION ALL MATCH (n:Researcher) RETURN count(n) AS n
  UNION ALL MATCH (n:Topic) RETURN count(n) AS n
  UNION ALL MATCH (n:Institution) RETURN count(n) AS n
  UNION ALL MATCH (n:Source) RETURN count(n) AS n
}
RETURN sum(n) AS nodes
