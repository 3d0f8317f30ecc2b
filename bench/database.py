"""The database a benchmark runs on: a Neo4j of its own on free loopback ports (home
`.kg/neo4j-bench*`, wiped first), or the empty database `NEO4J_URI` names; plus the helpers every
benchmark needs around it (refuse a populated database, empty it, count what it holds)."""

from __future__ import annotations

import dataclasses
import os
import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from kg import config, schema
from kg.config import Settings
from kg.db_server import wait_until_ready
from kg.graph import Graph
from kg.neo4j_local import LocalServer

WORK_DIR = Path(__file__).resolve().parents[1] / ".kg" / "bench"  # inputs and rejects
MODEST_MEMORY = {"NEO4J_HEAP": "768m", "NEO4J_PAGECACHE": "512m"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def bench_database(home: str = "neo4j-bench",
                   memory: Mapping[str, str] = MODEST_MEMORY) -> Iterator[Settings]:
    """The bench's own server in `.kg/<home>` (each bench has its own home, so two benches can
    run at once), or the empty database NEO4J_URI names. `memory` is the default heap and page
    cache; NEO4J_HEAP / NEO4J_PAGECACHE in the environment win."""
    base = config.from_env({**memory, **os.environ})
    if os.environ.get("NEO4J_URI"):
        yield base
        return
    settings = dataclasses.replace(base, neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
                                   neo4j_http_port=free_port())
    server = LocalServer(settings, home=base.state_dir / home)
    server.stop()
    server.wipe()
    print(f"starting Neo4j for the bench at {settings.neo4j_uri} "
          f"(heap {settings.neo4j_heap}, page cache {settings.neo4j_pagecache})")
    server.start()
    try:
        yield settings
    finally:
        server.stop()


@contextmanager
def empty_graph(home: str = "neo4j-bench",
                memory: Mapping[str, str] = MODEST_MEMORY) -> Iterator[Graph | None]:
    """A connected graph on the bench database with the schema applied, or None (after saying
    why) when that database already holds data: a bench empties its database."""
    with bench_database(home, memory) as settings:
        wait_until_ready(settings)
        with Graph.connect(settings) as graph:
            if graph.read("count_nodes")[0]["nodes"]:
                print(f"refusing: {settings.neo4j_uri} holds data; the bench empties its database")
                yield None
                return
            schema.apply(graph)
            yield graph


def empty(graph: Graph) -> None:
    while graph.write("delete_everything", limit=10000)[0]["deleted"]:
        pass


def census(graph: Graph) -> dict[str, int]:
    return {row["what"]: row["n"] for row in graph.read("graph_census")}
