"""Malformed and odd requests get a coded 4xx, never a 500 or internals: bodies that are not a
JSON object, deep nesting, empty type lists, ids with a slash, missing explorer packages, huge
ids in messages, Neo4j's address, ETag lists."""

from __future__ import annotations

import dataclasses
import json
import socket
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from api.app import BuiltFiles, create_app
from kg.config import Settings
from kg.db.graph import Graph
from tests.e2e.conftest import Api


@pytest.mark.parametrize("body", [b"null", b'"x"', b"1", b"\xff", b'{"query": "\xff"}',
                                  b"[" * 100_000 + b"]" * 100_000],
                         ids=["null", "a string", "a number", "a non-UTF-8 byte",
                              "a non-UTF-8 byte in a string", "100k nested arrays"])
def test_a_graphql_body_that_is_not_a_json_object_is_bad_input(
    session_graph: Graph, api: Api, body: bytes
) -> None:
    response = api.client.post("/graphql", content=body,
                               headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_cypher_params_nested_100k_deep_are_bad_input(
    graph: Graph, api: Api, tokens: dict[str, str]
) -> None:
    params = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    body = '{"query": "RETURN $a AS a", "params": ' + params + "}"
    response = api.client.post("/api/cypher", content=body.encode(), headers={
        "Authorization": f"Bearer {tokens['admin']}", "Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "BAD_INPUT"
    nested = {"query": "RETURN $a AS a", "params": {"a": json.loads("[" * 40 + "]" * 40)}}
    response = api.client.post("/api/cypher", json=nested,
                               headers={"Authorization": f"Bearer {tokens['admin']}"})
    assert response.status_code == 400 and "nest" in response.json()["error"]["message"]


NEIGHBOURHOOD = """query ($id: ID!, $types: [NodeType!]) {
  neighbourhood(id: $id, types: $types) { nodes { id } } }"""


def test_an_empty_type_list_is_bad_input_not_not_found(idb03_graph: Graph, api: Api) -> None:
    assert api.error_code(NEIGHBOURHOOD, id="A5085007251", types=[]) == "BAD_INPUT"
    assert api.data(NEIGHBOURHOOD, id="A5085007251", types=None)["neighbourhood"]["nodes"]
    for types in (",,,", ""):
        response = api.client.get(f"/api/neighbourhood/A5085007251?types={types}")
        assert response.status_code == 400, response.text
        assert response.json()["error"]["code"] == "BAD_INPUT"
    search = "query ($t: [NodeType!]) { search(query: \"basin\", types: $t) { id } }"
    assert api.error_code(search, t=[]) == "BAD_INPUT"


def test_the_neighbourhood_endpoint_serves_ids_with_a_slash(idb03_graph: Graph, api: Api) -> None:
    response = api.client.get("/api/neighbourhood/subfields/1906")
    assert response.status_code == 200, response.text
    nodes = response.json()["elements"]["nodes"]
    assert nodes[0]["data"]["id"] == "subfields/1906"


def test_an_unbuilt_explorer_bundle_answers_a_coded_404(tmp_path: Path) -> None:
    app = Starlette(routes=[Mount("/dist", BuiltFiles(directory=tmp_path / "missing",
                                                      check_dir=False))])
    response = TestClient(app).get("/dist/kg-graph.js")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"
    assert "npm" in response.json()["error"]["message"]
    bundle = next(r for r in create_app(Settings()).routes if getattr(r, "path", "") ==
                  "/explorer/dist")
    assert isinstance(bundle.app, BuiltFiles)


def test_a_long_id_is_not_echoed_in_not_found(idb03_graph: Graph, api: Api) -> None:
    huge = "A" * 900_000  # within the body limit of 1 MB
    body = api.query("query ($id: ID!) { neighbourhood(id: $id) { nodes { id } } }", id=huge)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert len(body["errors"][0]["message"]) < 200
    response = api.client.get("/api/neighbourhood/" + huge[:60_000])  # a URL's practical limit
    assert response.status_code == 404
    assert len(response.content) < 500


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_public_errors_do_not_show_the_bolt_address(settings: Settings) -> None:
    down = dataclasses.replace(settings, neo4j_uri=f"bolt://127.0.0.1:{_closed_port()}",
                               request_retry_seconds=0.0)
    with TestClient(create_app(down)) as client:
        for response in (client.get("/api/neighbourhood/A1"), client.get("/readyz"),
                         client.post("/graphql", json={"query": '{ paper(id: "W1") { id } }'})):
            assert "bolt://" not in response.text and "127.0.0.1" not in response.text, \
                response.text
            assert "UNAVAILABLE" in response.text or response.json()["status"] == "unavailable"


def test_if_none_match_takes_a_list_and_star_and_no_substring(
    idb03_graph: Graph, api: Api
) -> None:
    url = "/api/neighbourhood/A5085007251?depth=1&limit=3"
    etag = api.client.get(url).headers["etag"]
    for header in (etag, f'"other", {etag}', f"W/{etag}", "*"):
        assert api.client.get(url, headers={"If-None-Match": header}).status_code == 304, header
    for header in ('"other"', f"x{etag}", f"{etag[:-1]}0\"", f'"{etag}"'):
        assert api.client.get(url, headers={"If-None-Match": header}).status_code == 200, header


def test_a_body_over_the_limit_is_refused_before_it_is_read(session_graph: Graph,
                                                           api: Api) -> None:
    big = {"query": "{ me { id } }", "variables": {"x": "y" * 1_100_000}}
    response = api.client.post("/graphql", json=big)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(20):
            yield b"x" * 100_000

    response = api.client.post("/api/cypher", content=chunks(),
                               headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "BAD_INPUT"
    assert api.client.post("/graphql", json={"query": "{ me { id } }"}).status_code == 200
