"""Shared by the reliability suite: the e2e fixtures (`api`, `tokens`), a Neo4j the fault tests
may stop and start, and fingerprints that prove two graphs equal or a request changed nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer
from testkit import database
from tests.conftest import TestDatabase
from tests.e2e.conftest import (  # noqa: F401  (fixtures shared with tests/e2e)
    api,
    live_server,
    people,
    tokens,
)


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
    settings = database.on_free_ports(test_database.settings)
    with database.scratch_server(settings, settings.state_dir / "neo4j-fault") as server:
        with database.connect(settings) as graph:
            schema.apply(graph)
            yield StoppableNeo4j(settings, server, graph)
