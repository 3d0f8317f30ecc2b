"""The database a benchmark runs on: a Neo4j of its own on free loopback ports (home
`.kg/neo4j-bench*`, wiped first), or the empty database `NEO4J_URI` names. Each bench has its own
home, so two benches can run at once."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from kg import config
from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.server.control import wait_until_ready
from testkit import database
from testkit.datasets import ROOT

WORK_DIR = ROOT / ".kg" / "bench"  # inputs and rejects
MODEST_MEMORY = {"NEO4J_HEAP": "768m", "NEO4J_PAGECACHE": "512m"}


@contextmanager
def bench_database(home: str = "neo4j-bench",
                   memory: Mapping[str, str] = MODEST_MEMORY) -> Iterator[Settings]:
    """The bench's own server in `.kg/<home>`, or the empty database NEO4J_URI names. `memory`
    is the default heap and page cache; NEO4J_HEAP / NEO4J_PAGECACHE in the environment win."""
    base = config.from_env({**memory, **os.environ})
    if os.environ.get("NEO4J_URI"):
        yield base
        return
    settings = database.on_free_ports(base)
    print(f"starting Neo4j for the bench at {settings.neo4j_uri} "
          f"(heap {settings.neo4j_heap}, page cache {settings.neo4j_pagecache})", flush=True)
    with database.scratch_server(settings, base.state_dir / home):
        yield settings


@contextmanager
def empty_graph(home: str = "neo4j-bench",
                memory: Mapping[str, str] = MODEST_MEMORY) -> Iterator[Graph | None]:
    """A connected graph on the bench database with the schema applied, or None (after saying
    why) when that database already holds data: a bench empties its database."""
    with bench_database(home, memory) as settings:
        wait_until_ready(settings)
        with database.connect(settings) as graph:
            if graph.read("count_nodes")[0]["nodes"]:
                print(f"refusing: {settings.neo4j_uri} holds data; the bench empties its database")
                yield None
                return
            schema.apply(graph)
            yield graph
