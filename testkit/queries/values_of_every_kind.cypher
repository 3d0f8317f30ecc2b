// values_of_every_kind: one row holding every kind of value a query can return (scalars, nested
// maps and lists, temporal values, a point, nodes, a relationship, a path), built from nothing,
// so a test can compare the rows `Graph` makes with the driver's `Record.data()`.
// Returns: scalars, nested, temporal, point, node, relationship, path, nodes_in_map
/*
:params {}
*/
CALL () {
  CREATE (a:Scratch {name: "a", tags: ["x", "y"], born: date("2020-01-02")})
         -[r:SCRATCH_LINK {works: 2}]->(b:Scratch {name: "b"})
  RETURN a, r, b
}
WITH a, r, b
MATCH p = (a)-[:SCRATCH_LINK]->(b)
RETURN {i: 1, f: 2.5, s: "text", t: true, n: null} AS scalars,
       [{deep: [1, [2, {deeper: "x"}]]}, [], {}] AS nested,
       [date("2024-02-29"), datetime("2024-02-29T10:00:00Z"), duration("P1D")] AS temporal,
       point({x: 1.0, y: 2.0}) AS point,
       a AS node, r AS relationship, p AS path,
       {first: a, rest: [b, {again: a}]} AS nodes_in_map
