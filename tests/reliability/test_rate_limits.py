"""Rate limits on /graphql and /api/*: per client address without a valid token, per token with
one; over the limit, 429 with Retry-After and a RATE_LIMITED code; health is never limited."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from kg import accounts
from kg.config import Settings
from kg.db.graph import Graph

QUERY = {"query": "{ me { id } }"}


@pytest.fixture
def limited(settings: Settings) -> Settings:
    return dataclasses.replace(settings, rate_limit_address="3/minute",
                               rate_limit_token="5/minute")


@pytest.fixture
def client(limited: Settings, graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(limited), client=("203.0.113.7", 4000)) as client:
        yield client


def _code(response) -> str:  # noqa: ANN001
    body = response.json()
    return body["errors"][0]["extensions"]["code"] if "errors" in body \
        else body["error"]["code"]


def test_an_address_over_its_limit_gets_429_with_retry_after(client: TestClient) -> None:
    for _ in range(3):
        assert client.post("/graphql", json=QUERY).status_code == 200
    refused = client.post("/graphql", json=QUERY)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert _code(refused) == "RATE_LIMITED"
    assert refused.json()["data"] is None


def test_the_plain_json_endpoints_share_the_address_limit(client: TestClient) -> None:
    for _ in range(3):
        client.post("/graphql", json=QUERY)
    refused = client.get("/api/neighbourhood/A1")
    assert refused.status_code == 429
    assert _code(refused) == "RATE_LIMITED"
    assert client.post("/api/cypher", json={"query": "RETURN 1"}).status_code == 429


def test_health_and_the_explorer_are_not_limited(client: TestClient) -> None:
    for _ in range(10):
        assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.post("/graphql", json=QUERY).status_code == 200


def test_a_valid_token_has_its_own_limit_and_an_invented_one_counts_against_the_address(
    client: TestClient, graph: Graph
) -> None:
    _, token = accounts.create_user(graph, "limits@example.org", "Limits")
    for _ in range(3):
        client.post("/graphql", json=QUERY)
    assert client.post("/graphql", json=QUERY).status_code == 429
    with_token = {"Authorization": f"Bearer {token}"}
    for _ in range(5):
        assert client.post("/graphql", json=QUERY, headers=with_token).status_code == 200
    assert client.post("/graphql", json=QUERY, headers=with_token).status_code == 429
    invented = {"Authorization": "Bearer invented-token"}
    assert client.post("/graphql", json=QUERY, headers=invented).status_code == 429


def test_each_address_has_a_limit_of_its_own(limited: Settings, graph: Graph) -> None:
    app = create_app(limited)
    with TestClient(app, client=("203.0.113.8", 4000)) as first:
        second = TestClient(app, client=("203.0.113.9", 4000))  # same app, lifespan run once
        for _ in range(3):
            first.post("/graphql", json=QUERY)
        assert first.post("/graphql", json=QUERY).status_code == 429
        assert second.post("/graphql", json=QUERY).status_code == 200


def test_limits_can_be_switched_off(settings: Settings, graph: Graph) -> None:
    off = dataclasses.replace(settings, rate_limit_address="off")
    with TestClient(create_app(off)) as client:
        for _ in range(20):
            assert client.post("/graphql", json=QUERY).status_code == 200
