// restore_relationships: creates one relationship per row between the nodes of the element ids
// `start` and `end`, with the row's type and properties.
// Returns: created
/*
:params {relationships: [{start: "4:x:1", end: "4:x:2", type: "CITES", properties: {}}]}
*/
UNWIND $relationships AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created
