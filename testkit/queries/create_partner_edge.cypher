// create_partner_edge: creates a PARTNER edge between two institutions with the given key, as a
// writer that did not look first would (tests of the partner_pair uniqueness constraint).
// Returns: created
/*
:params {a: "I1", b: "I2", pair: "I1|I2"}
*/
MATCH (a:Institution {id: $a}), (b:Institution {id: $b})
CREATE (a)-[c:PARTNER {pair: $pair, works: 1}]->(b)
RETURN count(c) AS created
