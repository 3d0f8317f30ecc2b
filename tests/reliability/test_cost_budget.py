"""Multiplied cost without a token: nested page sizes along a path, aliases, fragments and
variables are refused as QUERY_TOO_COMPLEX before Neo4j is asked anything; a valid token buys a
larger budget; an answer over the byte cap and a request past its deadline get coded errors."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from kg import accounts
from kg.config import Settings
from kg.db.graph import Graph
from tests.e2e.conftest import Api

RESEARCHER = "A5085007251"  # 219 co-authors in idb03

NESTED = """researcher(id: "A5085007251") { coauthors(first: 100) { edges { node { name
  coauthors(first: 100) { edges { node { name
    coauthors(first: 100) { edges { node { name } } } } } } } } } }"""

# The probe of the issue (no token): a 122 MB answer in 52 s before the budget.
ATTACK = "{ " + " ".join(f"a{i}: {NESTED}" for i in range(30)) + " }"

SUGGESTIONS_UNDER_A_LIST = "{ " + " ".join(
    f'a{i}: researcher(id: "{RESEARCHER}") {{ coauthors(first: 100) {{ edges {{ node {{ '
    "suggestedCollaborators(first: 100) { researcher { name } via { name } } } } } }"
    for i in range(30)) + " }"

NAMED_FRAGMENTS = """{ researcher(id: "A5085007251") { ...hop } }
fragment hop on Researcher { coauthors(first: 100) { edges { node { ...hop2 } } } }
fragment hop2 on Researcher { coauthors(first: 100) { edges { node { ...hop3 } } } }
fragment hop3 on Researcher { coauthors(first: 100) { edges { node { name } } } }"""

INLINE_FRAGMENTS = """{ node(id: "A5085007251") { ... on Researcher {
  coauthors(first: 100) { edges { node { ... on Researcher {
    coauthors(first: 100) { edges { node { ... { coauthors(first: 100) { edges {
      node { name } } } } } } } } } } } } } }"""

VARIABLE_DEFAULTS = """query ($n: Int = 100) { researcher(id: "A5085007251") {
  coauthors(first: $n) { edges { node { coauthors(first: $n) { edges { node {
    coauthors(first: $n) { edges { node { name } } } } } } } } } } }"""

# About 30,000 values: over the anonymous budget, within the authenticated one.
TWO_HOPS = """{ researcher(id: "A5085007251") { coauthors(first: 100) { edges { node { name
  coauthors(first: 100) { edges { sharedWorks node { name } } } } } } } }"""


@pytest.mark.parametrize("document", [ATTACK, SUGGESTIONS_UNDER_A_LIST, NAMED_FRAGMENTS,
                                      INLINE_FRAGMENTS, VARIABLE_DEFAULTS],
                         ids=["30 aliases of 3 nested hops", "suggestions under a list",
                              "named fragments", "inline fragments", "variable defaults"])
def test_multiplied_cost_without_a_token_is_refused_before_neo4j_is_asked(
    idb03_graph: Graph, api: Api, document: str
) -> None:
    before = api.graph.queries_run
    body = api.query(document)
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["QUERY_TOO_COMPLEX"], body
    assert "budget" in body["errors"][0]["message"]
    assert api.graph.queries_run == before


def test_a_variable_value_counts_instead_of_its_default(idb03_graph: Graph, api: Api) -> None:
    assert api.error_code(VARIABLE_DEFAULTS.replace("$n: Int = 100", "$n: Int = 1"), n=100) \
        == "QUERY_TOO_COMPLEX"
    assert api.data(VARIABLE_DEFAULTS, n=3)["researcher"]["coauthors"]["edges"]


def test_a_valid_token_buys_the_larger_budget_and_a_wrong_one_does_not(
    idb03_graph: Graph, api: Api
) -> None:
    _, token = accounts.create_user(idb03_graph, "budget@example.org", "Budget")
    try:
        assert api.error_code(TWO_HOPS) == "QUERY_TOO_COMPLEX"
        message = api.query(TWO_HOPS)["errors"][0]["message"]
        assert "with a token" in message
        edges = api.data(TWO_HOPS, token)["researcher"]["coauthors"]["edges"]
        assert len(edges) == 100
        assert api.error_code(TWO_HOPS, "not-a-token") == "UNAUTHENTICATED"
        assert api.error_code(ATTACK, token) == "QUERY_TOO_COMPLEX"
    finally:
        idb03_graph.driver.execute_query(
            "MATCH (u:User {email: 'budget@example.org'}) DETACH DELETE u")


@pytest.fixture
def api_with(settings: Settings) -> Iterator[Callable[..., Api]]:
    """An API on changed settings."""
    with ExitStack() as stack:
        def make(**changes: object) -> Api:
            app = create_app(dataclasses.replace(settings, **changes))
            return Api(stack.enter_context(TestClient(app)))

        yield make


def test_an_answer_over_the_byte_cap_is_replaced_by_a_coded_error(
    idb03_graph: Graph, api_with: Callable[..., Api]
) -> None:
    api = api_with(max_response_bytes=1_000)
    document = ('{ researcher(id: "A5085007251") { coauthors(first: 50) { edges { node { name }'
                ' } } } }')
    body = api.query(document)
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["RESPONSE_TOO_LARGE"]
    assert "1,000" in body["errors"][0]["message"]
    assert len(api.client.post("/graphql", json={"query": document}).content) < 1_000
    assert api.data('{ researcher(id: "A5085007251") { name } }')


def test_a_request_past_its_deadline_is_stopped_with_a_timeout(
    idb03_graph: Graph, api_with: Callable[..., Api]
) -> None:
    api = api_with(request_deadline=0.001)
    body = api.query('{ researcher(id: "A5085007251") { name coauthors(first: 100) { edges { node {'
                     ' name papers(first: 20) { totalCount } } } } } }')
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["TIMEOUT"]
    assert "deadline" in body["errors"][0]["message"]


def test_two_operations_without_an_operation_name_is_an_error(
    idb03_graph: Graph, api: Api
) -> None:
    document = 'query A { researcher(id: "A5085007251") { name } } query B { me { id } }'
    response = api.client.post("/graphql", json={"query": document})
    body = response.json()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_INPUT"]
    assert "operationName" in body["errors"][0]["message"]
    named = api.client.post("/graphql", json={"query": document, "operationName": "A"}).json()
    assert named["data"]["researcher"]["name"]


def test_the_budget_counts_only_the_named_operation(idb03_graph: Graph, api: Api) -> None:
    document = 'query Small { researcher(id: "A5085007251") { name } } query Big ' + ATTACK
    small = api.client.post("/graphql", json={"query": document, "operationName": "Small"})
    assert small.json()["data"]["researcher"]["name"]
    big = api.client.post("/graphql", json={"query": document, "operationName": "Big"}).json()
    assert big["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
