// export/nodes_by_element_ids: these nodes (from export/neighbours) with their label and properties; users never.
// Returns: element_id, id, label, props
/*
:params {element_ids: []}
*/
MATCH (n) WHERE elementId(n) IN $element_ids AND NOT n:User
RETURN elementId(n) AS element_id, n.id AS id,
       [label IN labels(n) WHERE label IN ['Paper', 'Researcher', 'Topic', 'Institution', 'Source']][0]
         AS label,
       properties(n) AS props
