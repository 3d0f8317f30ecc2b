"""Health, readiness and UNAVAILABLE when Neo4j cannot be reached."""

from __future__ import annotations

import dataclasses
import socket

from starlette.testclient import TestClient

from api.app import create_app
from kg.config import Settings
from tests.e2e.conftest import Api


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_health_and_readiness_with_neo4j_up(session_graph, api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    assert api.client.get("/readyz").status_code == 200


def test_neo4j_down_gives_unavailable_and_a_failing_readyz(settings: Settings) -> None:
    down = dataclasses.replace(settings, neo4j_uri=f"bolt://127.0.0.1:{_closed_port()}")
    with TestClient(create_app(down)) as client:
        api = Api(client)
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 503
        assert api.error_code('{ paper(id: "W1") { id } }') == "UNAVAILABLE"
        body = api.query('{ paper(id: "W1") { id } }')
        assert "bolt://" not in body["errors"][0]["message"]


def test_graphiql_is_served_to_a_browser(session_graph, api: Api) -> None:
    page = api.client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
