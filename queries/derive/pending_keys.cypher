// derive/pending_keys: sets each given paper's pending_key from its pending_refs ('|id|id|',
// null when none), the string the TEXT index paper_pending_key finds waiting citers by
// (`kg derive --full`, so a graph written before the key existed gets it).
// Returns: papers
/*
:params {paper_ids: ["W2741809807"]}
*/
UNWIND $paper_ids AS paper_id
MATCH (p:Paper {id: paper_id})
WITH p, coalesce(p.pending_refs, []) AS waiting
SET p.pending_key = CASE WHEN waiting = [] THEN null
                         ELSE '|' + reduce(key = '', ref IN waiting | key + ref + '|') END
RETURN count(p) AS papers
