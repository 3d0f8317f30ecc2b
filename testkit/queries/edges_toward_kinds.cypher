// edges_toward_kinds: the edges a neighbourhood walks (any of its nine types, either direction)
// from the given nodes to nodes of the given kinds, counted by the far node's label: what an
// exact depth-2 count of those kinds reads, computed without the neighbourhood's own table.
// Returns: edges
/*
:params {ids: ["A5023888391"], kinds: ["RESEARCHER"]}
*/
UNWIND $ids AS kid
CALL (kid) {
  MATCH (k:Paper {id: kid}) RETURN k
  UNION
  MATCH (k:Researcher {id: kid}) RETURN k
  UNION
  MATCH (k:Topic {id: kid}) RETURN k
  UNION
  MATCH (k:Institution {id: kid}) RETURN k
  UNION
  MATCH (k:Source {id: kid}) RETURN k
}
MATCH (k)-[r:AUTHORED|COAUTHOR|AFFILIATED_WITH|HAS_TOPIC|CO_OCCURS|CITES|PUBLISHED_IN|PART_OF|SUBTOPIC_OF]-(m)
WITH r, CASE WHEN m:Paper THEN 'PAPER' WHEN m:Researcher THEN 'RESEARCHER'
             WHEN m:Topic THEN 'TOPIC' WHEN m:Institution THEN 'INSTITUTION'
             ELSE 'SOURCE' END AS kind
WHERE kind IN $kinds
RETURN count(r) AS edges
