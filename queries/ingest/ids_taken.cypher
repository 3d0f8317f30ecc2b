// ingest/ids_taken: which of these ids (each meant for a node of the given label) already name a
// node of another label; an id names one node of one type.
// Returns: id, label (the type it was meant for), taken_by (the type that holds it)
/*
:params {ids: [{id: "hf:1", label: "Researcher"}]}
*/
UNWIND $ids AS row
WITH row, CASE
  WHEN row.label <> "Paper" AND EXISTS { MATCH (:Paper {id: row.id}) } THEN "Paper"
  WHEN row.label <> "Researcher" AND EXISTS { MATCH (:Researcher {id: row.id}) } THEN "Researcher"
  WHEN row.label <> "Institution" AND EXISTS { MATCH (:Institution {id: row.id}) }
    THEN "Institution"
  WHEN row.label <> "Topic" AND EXISTS { MATCH (:Topic {id: row.id}) } THEN "Topic"
  WHEN row.label <> "Source" AND EXISTS { MATCH (:Source {id: row.id}) } THEN "Source"
END AS taken_by
WHERE taken_by IS NOT NULL
RETURN row.id AS id, row.label AS label, taken_by
