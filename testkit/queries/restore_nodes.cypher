// restore_nodes: creates one node per row with the row's labels and properties; returns each
// row's key with the element id of its new node, so the relationships can find their ends.
// Returns: key, node
/*
:params {nodes: [{key: "4:x:1", labels: ["Paper"], properties: {id: "W1"}}]}
*/
UNWIND $nodes AS row
CREATE (n:$(row.labels))
SET n = row.properties
RETURN row.key AS key, elementId(n) AS node
