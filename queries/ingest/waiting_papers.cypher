// ingest/waiting_papers: the papers waiting for any of the given ids (a reference in their
// pending_refs names it): term lookups of the full-text index paper_pending_refs (keyword
// analyzer: each waiting id one exact term), 500 ids OR-ed in one Lucene query, so the cost
// follows the ids asked and the papers found, never the number of papers waiting for others.
// Each id is quoted and escaped ('"' and '\'), so any character of an id is matched literally;
// its list confirms each match: each reference of a paper found sought in $paper_ids (seeking
// each asked id along each found paper's list instead took 25x as long with ~600 papers found:
// bench.waiting_papers).
// Run before a batch writes any pending_refs: the index then reads no transaction state (a
// lookup after such writes re-indexes them in memory first).
// Returns: citing (a waiting paper's id, once), cited (the given ids it waits for)
/*
:params {paper_ids: ["W2741809807"]}
*/
WITH [paper_id IN $paper_ids WHERE paper_id <> ''] AS wanted
UNWIND range(0, size(wanted) - 1, 500) AS start
WITH wanted[start..start + 500] AS chunk
WITH chunk, reduce(terms = '', paper_id IN chunk | terms
       + CASE terms WHEN '' THEN '"' ELSE ' OR "' END
       + replace(replace(paper_id, '\\', '\\\\'), '"', '\\"') + '"') AS terms
CALL db.index.fulltext.queryNodes('paper_pending_refs', terms) YIELD node
WITH DISTINCT node
WITH node, [ref IN node.pending_refs WHERE ref <> '' AND ref IN $paper_ids] AS cited
WHERE cited <> []
RETURN node.id AS citing, cited
