"""Shared by the reliability suite: the e2e fixtures (`api`, `tokens`), a Neo4j the fault tests
may stop and start, and fingerprints that prove two graphs equal or a request changed nothing."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from kg import schema
from kg.config import Settings
from kg.db_server import wait_until_ready
from kg.graph import Graph
from kg.neo4j_local import LocalServer
from tests.conftest import TestDatabase, _free_port
from tests.e2e.conftest import api, tokens  # noqa: F401  (fixtures shared with tests/e2e)


def census(graph: Graph) -> dict[str, int]:
    return {row["what"]: row["n"] for row in graph.read("graph_census")}


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value


def derived_edges_checksum(graph: Graph) -> tuple[int, str]:
    """How many derived edges the graph holds and a SHA-256 over all of them with their
    properties. Floats are rounded to 9 decimals: a weight summed over a researcher's papers
    differs in its last bit from one load to the next (the order of the sum is not fixed)."""
    rows = [_rounded(row) for row in graph.read("derived_edges")]
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode())
    return len(rows), digest.hexdigest()


def contents(graph: Graph) -> list[str]:
    """Every node and relationship with its properties, as sorted JSON lines."""
    return sorted(json.dumps(row, sort_keys=True, default=str)
                  for row in graph.read("graph_contents"))


@dataclasses.dataclass
class StoppableNeo4j:
    settings: Settings
    server: LocalServer
    graph: Graph

    @contextmanager
    def stopped(self) -> Iterator[None]:
        """Neo4j down for the body; up again (and answering) afterwards, whatever happened."""
        self.server.stop()
        try:
            yield
        finally:
            self.server.start()
            wait_until_ready(self.settings)


@pytest.fixture(scope="session")
def stoppable_neo4j(test_database: TestDatabase, session_graph: Graph) -> Iterator[StoppableNeo4j]:
    """A Neo4j the fault tests may stop: the session's local server; or, when the session runs on
    `NEO4J_URI` or a container (which cannot be stopped and started in place from here), a local
    server of their own on free ports."""
    if test_database.local_server is not None:
        yield StoppableNeo4j(test_database.settings, test_database.local_server, session_graph)
        return
    settings = dataclasses.replace(
        test_database.settings, neo4j_uri=f"bolt://127.0.0.1:{_free_port()}",
        neo4j_http_port=_free_port())
    server = LocalServer(settings, home=settings.state_dir / "neo4j-fault")
    server.stop()
    server.wipe()
    server.start()
    try:
        wait_until_ready(settings)
        with Graph.connect(settings) as graph:
            schema.apply(graph)
            yield StoppableNeo4j(settings, server, graph)
    finally:
        server.stop()
