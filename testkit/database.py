"""Scratch Neo4j servers for tests and benchmarks: a local server from the Maven jars on free
loopback ports in a home of its own (wiped first), connected with the project's queries plus
the census queries of `testkit/queries/`; and emptying a database in batches."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.config import Settings
from kg.db import statistics
from kg.db.graph import Graph
from kg.db.queries import QueryLibrary
from kg.resources import project_dir
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer
from testkit.ports import free_port

TESTKIT_QUERIES = Path(__file__).resolve().parent / "queries"


def query_library() -> QueryLibrary:
    return QueryLibrary(project_dir("queries"), TESTKIT_QUERIES)


def connect(settings: Settings) -> Graph:
    """A graph that also knows the census queries."""
    return Graph.connect(settings, query_library())


def on_free_ports(settings: Settings) -> Settings:
    return dataclasses.replace(settings, neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
                               neo4j_http_port=free_port())


@contextmanager
def scratch_server(settings: Settings, home: Path, keep: bool = False) -> Iterator[LocalServer]:
    """A local server in `home` (wiped unless `keep`), answering at `settings`, stopped at the
    end."""
    server = LocalServer(settings, home=home)
    server.stop()
    if not keep:
        server.wipe()
    server.start()
    try:
        wait_until_ready(settings)
        yield server
    finally:
        server.stop()


def delete_everything(graph: Graph) -> None:
    """Empty the database, then refresh the planner's statistics (a bulk delete)."""
    deleted = 0
    while batch := graph.write("delete_everything", limit=10000)[0]["deleted"]:
        deleted += batch
    statistics.refresh(graph, changed=deleted)
