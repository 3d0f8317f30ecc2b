import json
def test_probe(graph, tokens, api):
    graph.driver.execute_query("CREATE (:Researcher {id: 'A1', name: 'Ada'})")
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    c = api.client
    probes = [
        ("cypher params list", lambda: c.post("/api/cypher", json={"query": "RETURN 1 AS x", "params": [1, 2]}, headers=admin)),
        ("cypher params str", lambda: c.post("/api/cypher", json={"query": "RETURN 1 AS x", "params": "abc"}, headers=admin)),
        ("cypher params nested", lambda: c.post("/api/cypher", json={"query": "RETURN $x AS x", "params": {"x": {"a": [1, {"b": None}]}}}, headers=admin)),
        ("cypher NUL", lambda: c.post("/api/cypher", json={"query": "RETURN '\x00' AS x"}, headers=admin)),
        ("cypher empty", lambda: c.post("/api/cypher", json={"query": ""}, headers=admin)),
        ("cypher huge", lambda: c.post("/api/cypher", json={"query": "RETURN " + "1+" * 50000 + "1"}, headers=admin)),
        ("cypher undeclared param", lambda: c.post("/api/cypher", json={"query": "RETURN $nope AS x"}, headers=admin)),
        ("cypher multi statements", lambda: c.post("/api/cypher", json={"query": "RETURN 1; MATCH (n) DETACH DELETE n"}, headers=admin)),
        ("cypher USE system", lambda: c.post("/api/cypher", json={"query": "USE system SHOW USERS"}, headers=admin)),
        ("cypher SHOW", lambda: c.post("/api/cypher", json={"query": "SHOW DATABASES"}, headers=admin)),
        ("cypher call proc", lambda: c.post("/api/cypher", json={"query": "CALL db.labels()"}, headers=admin)),
        ("cypher EXPLAIN", lambda: c.post("/api/cypher", json={"query": "EXPLAIN MATCH (n) RETURN n"}, headers=admin)),
        ("cypher PROFILE", lambda: c.post("/api/cypher", json={"query": "PROFILE MATCH (n) RETURN n"}, headers=admin)),
        ("cypher bad body", lambda: c.post("/api/cypher", content=b"\xff\xfe", headers=admin)),
        ("cypher point", lambda: c.post("/api/cypher", json={"query": "RETURN point({x:1,y:2}) AS p, date() AS d, duration('P1D') AS du"}, headers=admin)),
        ("cypher bytes", lambda: c.post("/api/cypher", json={"query": "RETURN [1, 'a', null, 1.5e308*10] AS l"}, headers=admin)),
        ("cypher nan", lambda: c.post("/api/cypher", json={"query": "RETURN 0.0/0.0 AS n"}, headers=admin)),
        ("gql invalid json", lambda: c.post("/graphql", content=b"{not json", headers={"content-type": "application/json"})),
        ("gql array", lambda: c.post("/graphql", json=[{"query": "{ me { id } }"}])),
        ("gql query int", lambda: c.post("/graphql", json={"query": 5})),
        ("gql variables list", lambda: c.post("/graphql", json={"query": "{ me { id } }", "variables": [1]})),
        ("gql operationName missing", lambda: c.post("/graphql", json={"query": "query A { me { id } } query B { me { id } }"})),
        ("gql opname wrong", lambda: c.post("/graphql", json={"query": "query A { me { id } }", "operationName": "Z"})),
        ("gql get mutation", lambda: c.get("/graphql", params={"query": 'mutation { follow(researcherId: "A1") }'}, headers=admin)),
        ("gql get query", lambda: c.get("/graphql", params={"query": '{ researcher(id: "A1") { name } }'}, headers={"accept": "application/json"})),
        ("gql text/plain", lambda: c.post("/graphql", content=b"{ me { id } }", headers={"content-type": "text/plain"})),
        ("gql bad auth scheme", lambda: c.post("/graphql", json={"query": "{ me { id } }"}, headers={"Authorization": "Basic abc"})),
        ("gql bearer empty", lambda: c.post("/graphql", json={"query": "{ me { id } }"}, headers={"Authorization": "Bearer "})),
        ("gql var wrong type", lambda: c.post("/graphql", json={"query": "query ($s: String!) { search(query: $s) { id } }", "variables": {"s": {"a": 1}}})),
        ("gql var huge int", lambda: c.post("/graphql", json={"query": "query ($n: Int!) { search(query: \"a\", first: $n) { id } }", "variables": {"n": 10**20}})),
        ("gql var float int", lambda: c.post("/graphql", json={"query": "query ($n: Int!) { search(query: \"a\", first: $n) { id } }", "variables": {"n": 1.5}})),
        ("gql introspection", lambda: c.post("/graphql", json={"query": "{ __schema { types { name } } }"})),
        ("gql subscription", lambda: c.post("/graphql", json={"query": "subscription { x }"})),
        ("gql fragment cycle", lambda: c.post("/graphql", json={"query": "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"})),
        ("gql directive skip var", lambda: c.post("/graphql", json={"query": "query ($b: Boolean!) { me @skip(if: $b) { id } }", "variables": {}})),
        ("gql date bad", lambda: c.post("/graphql", json={"query": "{ trendingPapers(since: \"2020-02-30\") { totalCount } }"})),
        ("gql date var bad", lambda: c.post("/graphql", json={"query": "query ($d: Date) { trendingPapers(since: $d) { totalCount } }", "variables": {"d": 12}})),
        ("neigh depth 1e9", lambda: c.get("/api/neighbourhood/A1", params={"depth": "1000000000", "limit": "-5"})),
        ("neigh if-none-match", lambda: c.get("/api/neighbourhood/A1", headers={"if-none-match": "*"})),
        ("readyz post", lambda: c.post("/readyz")),
    ]
    for name, call in probes:
        try:
            r = call()
        except Exception as e:
            print(f"{name}: EXCEPTION {type(e).__name__}: {e}")
            continue
        text = r.text[:300]
        print(f"{name}: {r.status_code} {text}")
    assert 0
