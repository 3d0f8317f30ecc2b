"""Hostile input on the GraphQL endpoint: generated documents (hypothesis-graphql, from the
committed SDL), injection attempts in every string argument, and oversized documents.

Every answer is HTTP 200 (GraphQL reports errors in the body) or a 4xx, never a 500; every error
carries a stable code and none is the masked INTERNAL one; nothing changes the graph. The
generated runs are derandomized, so CI tries the same cases every time."""

from __future__ import annotations

import datetime
import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, queries

from kg.db.graph import Graph
from testkit.census import census, contents
from tests.e2e.conftest import Api
from tests.reliability.hostile import (
    INJECTIONS,
    SDL,
    STABLE_CODES,
    custom_scalars,
    error_codes,
    hostile_strings,
    string_node,
)

FUZZ = settings(derandomize=True, database=None, deadline=datetime.timedelta(seconds=30),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _post(api: Api, document: str, token: str | None = None, **variables: object) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = api.client.post("/graphql", json={"query": document, "variables": variables},
                               headers=headers)
    assert response.status_code < 500, (document, response.text)
    assert response.status_code in (200, 400), (document, response.status_code, response.text)
    return response.json()


@pytest.mark.slow
def test_generated_queries_get_data_or_coded_errors_and_change_nothing(
    idb03_graph: Graph, api: Api
) -> None:
    before = census(idb03_graph)
    tried = {"valid": 0, "executed": 0, "invalid": 0}

    @settings(FUZZ, max_examples=250)
    @given(queries(SDL, custom_scalars=custom_scalars()))
    def valid(document: str) -> None:
        tried["valid"] += 1
        body = _post(api, document)
        error_codes(body)
        tried["executed"] += body.get("data") is not None

    @settings(FUZZ, max_examples=60)
    @given(queries(SDL, custom_scalars=custom_scalars(), mode=Mode.NEGATIVE))
    def invalid(document: str) -> None:
        tried["invalid"] += 1
        codes = error_codes(_post(api, document))
        assert codes and set(codes) <= {"BAD_INPUT", "QUERY_TOO_COMPLEX"}, (document, codes)

    valid()
    invalid()
    print(f"generated queries tried: {tried}")
    assert census(idb03_graph) == before


def test_generated_mutations_get_data_or_coded_errors(people: Graph, tokens, api: Api) -> None:
    """Without a token or with a wrong one nothing changes; with a real one, whatever the
    arguments, the answer is data or a coded error."""
    tried = {"no token": 0, "wrong token": 0, "user": 0, "admin": 0}
    callers = {"no token": None, "wrong token": "not-a-token", "user": tokens["ada"],
               "admin": tokens["admin"]}
    scalars = {**custom_scalars(),
               "ID": st.sampled_from(["A1", "A2", "W1", *INJECTIONS]).map(string_node)}

    @settings(FUZZ, max_examples=120)
    @given(mutations(SDL, custom_scalars=scalars), st.sampled_from(sorted(callers)))
    def run(document: str, caller: str) -> None:
        tried[caller] += 1
        before = contents(people) if callers[caller] in (None, "not-a-token") else None
        codes = error_codes(_post(api, document, callers[caller]))
        if before is not None:
            assert codes and set(codes) <= {"UNAUTHENTICATED", "BAD_INPUT"}, (document, codes)
            assert contents(people) == before

    run()
    print(f"generated mutations tried: {tried}")


INJECTABLE_QUERIES = [
    ("search", '{ search(query: $s) { id } }'),
    ("autocomplete", '{ autocomplete(prefix: $s) { id } }'),
    ("node", '{ node(id: $s) { id } }'),
    ("researcher", '{ researcher(id: $s) { name } }'),
    ("paper", '{ paper(id: $s) { title } }'),
    ("topic", '{ topic(id: $s) { name } }'),
    ("institution", '{ institution(id: $s) { name } }'),
    ("neighbourhood", '{ neighbourhood(id: $s, depth: 2) { nodes { id } } }'),
    ("collaborationPath", '{ collaborationPath(from: $s, to: "A5002041459") { length } }'),
    ("trendingPapers.after", '{ trendingPapers(after: $s) { totalCount } }'),
    ("coauthors.after",
     '{ researcher(id: "A5002041459") { coauthors(after: $s) { totalCount } } }'),
    ("papers.after", '{ researcher(id: "A5002041459") { papers(after: $s) { totalCount } } }'),
    ("topics.level", '{ researcher(id: "A5002041459") { topics(level: $s) { works } } }'),
    ("adjacentTopics.after",
     '{ topic(id: "T10965") { adjacentTopics(after: $s) { totalCount } } }'),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,query", INJECTABLE_QUERIES, ids=[n for n, _ in INJECTABLE_QUERIES])
def test_injection_in_a_query_argument_changes_nothing(
    idb03_graph: Graph, api: Api, name: str, query: str
) -> None:
    argument_type = "String!" if name in ("search", "autocomplete", "topics.level") else (
        "String" if name.endswith(".after") else "ID!")
    document = f"query ($s: {argument_type}) {query}"
    before = census(idb03_graph)
    for payload in INJECTIONS:
        error_codes(_post(api, document, s=payload))
    assert census(idb03_graph) == before


@pytest.mark.slow
def test_injection_in_the_neighbourhood_endpoint_changes_nothing(
    idb03_graph: Graph, api: Api
) -> None:
    before = census(idb03_graph)
    for payload in INJECTIONS:
        for path, params in ((f"/api/neighbourhood/{quote(payload, safe='')}", {}),
                             ("/api/neighbourhood/A5002041459",
                              {"depth": payload, "types": payload, "limit": payload})):
            response = api.client.get(path, params=params)
            assert response.status_code in (200, 400, 404), (payload, response.text)
            if response.status_code != 200 and response.headers["content-type"].startswith(
                    "application/json"):  # else the router's own 404 for an empty or "/" id
                assert response.json()["error"]["code"] in STABLE_CODES
    assert census(idb03_graph) == before


INJECTABLE_MUTATIONS = [
    "mutation ($s: ID!) { follow(researcherId: $s) }",
    "mutation ($s: ID!) { unfollow(researcherId: $s) }",
    "mutation ($s: ID!) { upvote(paperId: $s) }",
    "mutation ($s: ID!) { setOpenToCollaborate(researcherId: $s, open: true) }",
    "mutation ($s: ID!) { reviewClaim(claimId: $s, approve: true) { status } }",
    'mutation ($s: String!) { reviewClaim(claimId: "C1", approve: false, note: $s) '
    "{ status } }",
    "mutation ($s: ID!) { requestClaim(researcherId: $s, evidence: {kind: ORCID, "
    'value: "0000-0002-1825-0097"}) { id } }',
    'mutation ($s: String!) { requestClaim(researcherId: "A1", evidence: '
    "{kind: INSTITUTIONAL_EMAIL, value: $s}) { id } }",
    'mutation ($s: ID!) { invite(fromResearcherId: $s, toResearcherId: "A2", message: "hi") '
    "{ id } }",
    'mutation ($s: String!) { invite(fromResearcherId: "A1", toResearcherId: "A2", '
    "message: $s) { id } }",
]


def test_injection_in_a_mutation_argument_changes_nothing(people: Graph, tokens, api: Api) -> None:
    """With valid user and admin tokens: every payload is refused with a coded error (none of
    them names a record the caller may act on) and the graph stays as it was."""
    before = contents(people)
    for document in INJECTABLE_MUTATIONS:
        for payload in INJECTIONS:
            for token in (tokens["ada"], tokens["admin"]):
                body = _post(api, document, token, s=payload)
                assert error_codes(body), (document, payload, body)
    assert contents(people) == before


TYPED_VARIABLES = [
    "query ($v: String!) { search(query: $v) { id } }",
    "query ($v: Int!) { search(query: \"geology\", first: $v) { id } }",
    "query ($v: [NodeType!]) { search(query: \"geology\", types: $v) { id } }",
    "query ($v: ID!) { neighbourhood(id: $v) { nodes { id } } }",
    "query ($v: Int!) { neighbourhood(id: \"A5002041459\", depth: $v) { nodes { id } } }",
    "query ($v: Date) { trendingPapers(since: $v) { totalCount } }",
    "query ($v: String) { trendingPapers(after: $v) { totalCount } }",
    "query ($v: PaperOrderBy!) { researcher(id: \"A5002041459\") { papers(orderBy: $v) "
    "{ totalCount } } }",
    "query ($v: Boolean!) { me @include(if: $v) { id } }",
    "mutation ($v: ClaimEvidenceInput!) { requestClaim(researcherId: \"A1\", evidence: $v) "
    "{ id } }",
    "mutation ($v: Boolean!) { setOpenToCollaborate(researcherId: \"A1\", open: $v) }",
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_strings(),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["kind", "value", "a", ""]), children, max_size=3),
    max_leaves=6)


@pytest.mark.slow
def test_variables_of_any_json_value_get_data_or_coded_errors(idb03_graph: Graph, api: Api) -> None:
    tried = {"cases": 0}

    @settings(FUZZ, max_examples=150)
    @given(st.sampled_from(TYPED_VARIABLES), JSON_VALUES, st.booleans())
    def run(document: str, value: object, omitted: bool) -> None:
        tried["cases"] += 1
        variables = {} if omitted else {"v": value}
        body = json.dumps({"query": document, "variables": variables})  # NaN stays NaN
        response = api.client.post("/graphql", content=body,
                                   headers={"content-type": "application/json"})
        assert response.status_code in (200, 400), (document, value, response.text)
        if response.status_code == 200:
            error_codes(response.json())

    before = census(idb03_graph)
    run()
    print(f"generated variable values tried: {tried}")
    assert census(idb03_graph) == before


NON_FINITE = {"query": "RETURN 1.5e308 * 10 AS inf, -1.5e308 * 10 AS minf, 0.0 / 0.0 AS nan"}
CYPHER_BODIES = [
    {"query": "RETURN 1 AS x", "params": [1, 2]},
    {"query": "RETURN $x AS x", "params": {"x": {"a": [1, {"b": None}]}}},
    {"query": "RETURN $x AS x", "params": {"x": 10**30}},
    NON_FINITE,
    {"query": "RETURN point({x: 1, y: 2}) AS p, date() AS d, duration('P1D') AS du"},
    {"query": ""},
    {"query": "\x00"},
    {"query": "RETURN 1; MATCH (n) DETACH DELETE n"},
    {"query": "PROFILE MATCH (n) RETURN n"},
    {"query": "RETURN " + "1+" * 50_000 + "1"},
    {"query": 5},
    {"params": {}},
]


def test_hostile_bodies_on_the_cypher_endpoint_get_json_or_coded_errors(
    people: Graph, tokens, api: Api
) -> None:
    before = contents(people)
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    for body in CYPHER_BODIES:
        response = api.client.post("/api/cypher", json=body, headers=admin)
        assert response.status_code in (200, 400, 403), (body, response.text)
        if response.status_code != 200:
            assert response.json()["error"]["code"] in STABLE_CODES
    for raw in (b"\xff\xfe", b"[1, 2]", b"{", b"null"):
        response = api.client.post("/api/cypher", content=raw, headers=admin)
        assert response.status_code == 400 and response.json()["error"]["code"] == "BAD_INPUT"
    infinite = api.client.post("/api/cypher", json=NON_FINITE, headers=admin).json()
    assert infinite["rows"] == [{"inf": "Infinity", "minf": "-Infinity", "nan": "NaN"}]
    assert contents(people) == before


def _nested(depth: int) -> str:
    inner = "id"
    for _ in range(depth):
        inner = f"coauthors(first: 5) {{ edges {{ node {{ {inner} }} }} }}"
    return f'{{ researcher(id: "A5002041459") {{ {inner} }} }}'


OVERSIZED = {
    "huge document": "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(20_000)) + " }",
    "huge document of one field": "{ me { " + "id " * 100_000 + "} }",
    "deep nesting": _nested(12),
    "many aliases": "{ " + " ".join(f"a{i}: search(query: \"rock\") {{ id }}"
                                    for i in range(200)) + " }",
    "first: 10^9": '{ search(query: "rock", first: 1000000000) { id } }',
    "limitPerType: 10^9": '{ neighbourhood(id: "A5002041459", limitPerType: 1000000000) '
                          "{ nodes { id } } }",
    "nested first: 10^9": '{ researcher(id: "A5002041459") { coauthors(first: 1000000000) '
                          "{ totalCount } } }",
}


@pytest.mark.parametrize("kind", sorted(OVERSIZED))
def test_oversized_documents_are_refused_before_touching_neo4j(
    session_graph: Graph, api: Api, kind: str
) -> None:
    queries_before = api.graph.queries_run
    body = api.query(OVERSIZED[kind])
    assert body["data"] is None
    assert error_codes(body) == ["QUERY_TOO_COMPLEX"], body["errors"][0]["message"]
    assert api.graph.queries_run == queries_before


def test_a_page_size_over_the_limit_in_a_variable_is_refused_before_touching_neo4j(
    session_graph: Graph, api: Api
) -> None:
    document = "query ($n: Int!) { trendingPapers(first: $n) { totalCount } }"
    assert api.error_code(document, n=10**9) == "QUERY_TOO_COMPLEX"
    assert api.graph.queries_run == 0
