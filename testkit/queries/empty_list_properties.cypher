// empty_list_properties: how many nodes and relationships hold a property whose value is an
// empty list (no path stores one: the offline importer cannot, so the transactional writer
// leaves such a property out too, and bulk and transactional loads stay equal).
// Returns: nodes, relationships
CALL () {
  MATCH (n) WHERE any(key IN keys(n) WHERE n[key] = [])
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->() WHERE any(key IN keys(r) WHERE r[key] = [])
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
