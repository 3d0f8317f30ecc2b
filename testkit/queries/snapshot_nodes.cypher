// snapshot_nodes: every node with its labels and properties, keyed by its element id, so a test
// can rebuild the same graph later without ingesting again (testkit/snapshot.py).
// Returns: key, labels, properties
MATCH (n) WHERE NOT n:GraphVersion
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties
