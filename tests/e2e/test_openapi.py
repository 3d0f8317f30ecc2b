"""/api/openapi.json: a valid OpenAPI 3.1 document naming every /api route of the app, whose
schemas the real responses (successes and each documented error) match."""

from __future__ import annotations

import dataclasses
import socket
from typing import Any

import httpx2
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from starlette.routing import Route
from starlette.testclient import TestClient

from api.app import create_app
from kg.config import Settings
from kg.db.graph import Graph
from tests.e2e.conftest import Api

HUB = "T10399"


def conforms(document: dict[str, Any], method: str, path: str,
             response: httpx2.Response) -> None:
    """The response's status is documented for this operation and its body matches the schema."""
    responses = document["paths"][path][method]["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method.upper()} {path} answered {status}, not documented"
    content = responses[status].get("content")
    if content is None:
        assert not response.content
        return
    assert response.headers["content-type"].startswith("application/json")
    schema = {**content["application/json"]["schema"], "components": document["components"]}
    Draft202012Validator(schema).validate(response.json())


def test_openapi_document_is_valid_and_names_every_api_route(api: Api) -> None:
    document = api.client.get("/api/openapi.json").json()
    validate(document)
    routes = {route.path for route in api.client.app.routes  # type: ignore[attr-defined]
              if isinstance(route, Route) and route.path.startswith("/api/")}
    routes = {path.replace(":path}", "}") for path in routes}
    assert routes == {path for path in document["paths"] if path.startswith("/api/")}


def test_neighbourhood_responses_match_the_document(idb03_graph: Graph, api: Api) -> None:
    document = api.client.get("/api/openapi.json").json()
    path = "/api/neighbourhood/{id}"
    ok = api.client.get(f"/api/neighbourhood/{HUB}?depth=2&limit=5")
    assert ok.status_code == 200 and ok.json()["truncated"]
    conforms(document, "get", path, ok)
    for url, status in ((f"/api/neighbourhood/{HUB}?types=PAPER", 200),
                        ("/api/neighbourhood/W0", 404),
                        (f"/api/neighbourhood/{HUB}?depth=9", 400),
                        (f"/api/neighbourhood/{HUB}?limit=many", 400),
                        (f"/api/neighbourhood/{HUB}?types=GALAXY", 400)):
        response = api.client.get(url)
        assert response.status_code == status, (url, response.text)
        conforms(document, "get", path, response)
    unchanged = api.client.get(f"/api/neighbourhood/{HUB}?depth=2&limit=5",
                               headers={"If-None-Match": ok.headers["etag"]})
    assert unchanged.status_code == 304
    conforms(document, "get", path, unchanged)
    for probe in ("/healthz", "/readyz", "/api/openapi.json"):
        conforms(document, "get", probe, api.client.get(probe))


def test_cypher_responses_match_the_document(api: Api, tokens: dict[str, str]) -> None:
    document = api.client.get("/api/openapi.json").json()

    def post(token: str | None, body: Any) -> httpx2.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return api.client.post("/api/cypher", json=body, headers=headers)

    for response, status in (
        (post(tokens["admin"], {"query": "UNWIND range(1, 3) AS n RETURN n, n * n AS sq"}), 200),
        (post(tokens["admin"], {"query": "CREATE (:Paper {id: 'x'})"}), 403),
        (post(tokens["admin"], {"query": "MATCH (n RETURN n"}), 400),
        (post(tokens["admin"], {"params": {}}), 400),
        (post(tokens["admin"], [1, 2]), 400),
        (post(None, {"query": "RETURN 1"}), 401),
        (post("not-a-token", {"query": "RETURN 1"}), 401),
        (post(tokens["ada"], {"query": "RETURN 1"}), 403),
    ):
        assert response.status_code == status, response.text
        conforms(document, "post", "/api/cypher", response)


def test_an_unreachable_neo4j_answers_as_the_document_says(settings: Settings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    down = dataclasses.replace(settings, neo4j_uri=f"bolt://127.0.0.1:{closed}")
    with TestClient(create_app(down)) as client:
        document = client.get("/api/openapi.json").json()
        for method, url, path in (("get", "/api/neighbourhood/W1", "/api/neighbourhood/{id}"),
                                  ("get", "/readyz", "/readyz")):
            response = client.get(url)
            assert response.status_code == 503
            conforms(document, method, path, response)
