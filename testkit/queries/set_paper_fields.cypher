// set_paper_fields: overwrites stored properties of one paper behind the ingest's back (tests of
// what a re-ingest rewrites; `digest: null` stands for a paper written before digests).
// Returns: id
/*
:params {id: "W2741809807", fields: {title: "x"}}
*/
MATCH (p:Paper {id: $id})
SET p += $fields
RETURN p.id AS id
