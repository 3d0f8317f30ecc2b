"""Trust when Neo4j stops in the middle of the write-back: `kg trust compute` fails with the coded
GraphUnavailable (no traceback, no hang), leaves the nodes it wrote, and the next compute writes
only the rest and arrives at exactly the values of an uninterrupted one."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from kg import trust
from kg.db.graph import Graph
from kg.errors import GraphUnavailable
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.server.control import wait_until_ready
from testkit.database import delete_everything
from testkit.datasets import IDB03_WORKS
from tests.conftest import DatabaseState
from tests.reliability.conftest import StoppableNeo4j

WORKS = 300


def test_neo4j_stopped_mid_write_back_fails_unavailable_and_the_next_compute_converges(
    stoppable_neo4j: StoppableNeo4j, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    neo4j, graph = stoppable_neo4j, stoppable_neo4j.graph
    delete_everything(graph)
    DatabaseState.loaded = None
    works = tmp_path / "works.jsonl"
    with gzip.open(IDB03_WORKS, "rt", encoding="utf-8") as source:
        works.write_text("".join(line for line, _ in zip(source, range(WORKS), strict=False)),
                         encoding="utf-8")
    ingest_file(graph, works, FORMATS["openalex"], 1000, tmp_path / "rejects.jsonl")
    trust.compute(graph)
    expected = graph.read("trust_values_all")
    researchers = [row["id"] for row in expected]
    graph.write("forget_trust_values", researcher_ids=researchers, institution_ids=[])
    monkeypatch.setattr(trust, "WRITE_CHUNK", 20)
    monkeypatch.setattr(trust, "WRITERS", 1)

    with Graph(neo4j.settings, retry_seconds=2) as impatient:
        write, chunks = impatient.write, []

        def stop_before_the_second_chunk(name: str, **params: Any) -> Any:
            chunks.append(name)
            if len(chunks) == 2:  # the server goes away after one chunk was written
                neo4j.server.stop()
            return write(name, **params)

        monkeypatch.setattr(impatient, "write", stop_before_the_second_chunk)
        try:
            with pytest.raises(GraphUnavailable):
                trust.compute(impatient)
        finally:
            neo4j.server.start()
            wait_until_ready(neo4j.settings)
    left = [row["id"] for row in graph.read("trust_values_all") if row["score"] is None]
    assert 0 < len(left) <= len(researchers) - 20
    run = trust.compute(graph)
    assert run.written == len(left)
    assert graph.read("trust_values_all") == expected
    assert trust.compute(graph).written == 0
