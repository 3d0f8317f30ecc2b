// derive/partners_of_papers: adds the given papers' contribution to PARTNER edges (`kg derive
// --full`, after deleting them all, a chunk of papers at a time): each pair of distinct
// institutions named by the authorships of one paper (a < b) gains one work. Papers with more
// than $max_authors authors are left out, as for COAUTHOR. Each edge has its key pair = 'a|b'
// (index partner_pair).
// Returns: pairs
/*
:params {paper_ids: ["W2741809807"], max_authors: 200}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
WHERE p.author_count <= $max_authors
CALL (p) {
  MATCH (:Researcher)-[a:AUTHORED]->(p)
  UNWIND a.institution_ids AS iid
  WITH DISTINCT iid
  MATCH (i:Institution {id: iid})
  RETURN collect(i) AS institutions
}
UNWIND institutions AS a
UNWIND institutions AS b
WITH a, b WHERE a.id < b.id
WITH a, b, count(*) AS works
MERGE (a)-[c:PARTNER]->(b)
SET c.pair = a.id + '|' + b.id, c.works = coalesce(c.works, 0) + works
RETURN count(c) AS pairs
