"""Faults: Neo4j stopped in the middle of an ingest and under a running API.

One outage serves every test here (a Neo4j restart costs half a minute): the `outage` fixture
starts `kg ingest` in a subprocess, holds it once some batches have landed, stops Neo4j, lets the
ingest run into the stopped server and asks the API what it can while Neo4j is down, then starts
Neo4j again (always, so later tests find it as they expect) and hands over what it saw."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.resources import source_root
from testkit.census import census, derived_edges_checksum
from testkit.database import delete_everything
from testkit.datasets import IDB03_WORKS
from tests.conftest import DatabaseState
from tests.e2e.conftest import Api
from tests.reliability.conftest import StoppableNeo4j

WORKS = 200
BATCH = 20
QUERY = '{ search(query: "geology") { id } paper(id: "W0") { id } }'


@dataclass
class Outage:
    works: Path
    clean: tuple[dict[str, int], tuple[int, str]]  # census and derived edges of a clean ingest
    papers_when_stopped: int
    ingest_status: int
    ingest_errors: str
    ready_before: int
    ready_while_down: int
    answer_while_down: dict[str, Any]
    seconds_while_down: float
    api: Api  # the one app, before, during and after the outage


def _first_works(count: int, into: Path) -> Path:
    with gzip.open(IDB03_WORKS, "rt", encoding="utf-8") as source:
        lines = [line for line, _ in zip(source, range(count), strict=False)]
    into.write_text("".join(lines), encoding="utf-8")
    return into


def _kg_ingest(neo4j: StoppableNeo4j, works: Path, rejects: Path) -> subprocess.Popen[str]:
    settings = neo4j.settings
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
           "NEO4J_PASSWORD": settings.neo4j_password, "NEO4J_DATABASE": settings.neo4j_database,
           # give up on a stopped server after seconds, not the default quarter of a minute
           "KG_RETRY_SECONDS": "3"}
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "ingest", "openalex", str(works),
         "--batch-size", str(BATCH), "--rejects", str(rejects)],
        cwd=source_root(), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _hold_once_some_landed(neo4j: StoppableNeo4j, ingest: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while census(neo4j.graph).get("papers", 0) == 0:  # a census leaves out what it counts 0
        assert ingest.poll() is None, "the ingest ended before any batch landed"
        assert time.monotonic() < deadline, "no batch landed within 120 s"
        time.sleep(0.05)
    ingest.send_signal(signal.SIGSTOP)


@pytest.fixture(scope="module")
def outage(stoppable_neo4j: StoppableNeo4j, tmp_path_factory) -> Iterator[Outage]:
    neo4j, graph = stoppable_neo4j, stoppable_neo4j.graph
    tmp = tmp_path_factory.mktemp("outage")
    DatabaseState.loaded = None
    delete_everything(graph)
    works = _first_works(WORKS, tmp / "works.jsonl")
    ingest_file(graph, works, FORMATS["openalex"], 1000, tmp / "clean-rejects.jsonl")
    clean = census(graph), derived_edges_checksum(graph)
    delete_everything(graph)

    with TestClient(create_app(neo4j.settings)) as client:
        api = Api(client)
        ready_before = client.get("/readyz").status_code
        ingest = _kg_ingest(neo4j, works, tmp / "rejects.jsonl")
        try:
            _hold_once_some_landed(neo4j, ingest)
            papers = census(graph)["papers"]
            with neo4j.stopped():
                ingest.send_signal(signal.SIGCONT)
                started = time.monotonic()
                ready_while_down = client.get("/readyz").status_code
                answer = api.query(QUERY)
                seconds = time.monotonic() - started
                _, errors = ingest.communicate(timeout=120)
        finally:
            ingest.kill()
        yield Outage(works, clean, papers, ingest.returncode, errors, ready_before,
                     ready_while_down, answer, seconds, api)


def test_an_ingest_cut_off_by_a_neo4j_stop_fails_with_one_line(outage: Outage) -> None:
    assert 0 < outage.papers_when_stopped < outage.clean[0]["papers"], \
        "the stop did not fall in the middle of the ingest"
    assert outage.ingest_status == 1
    assert outage.ingest_errors.startswith("kg: Neo4j"), outage.ingest_errors
    assert outage.ingest_errors.count("\n") == 1 and "Traceback" not in outage.ingest_errors


def test_the_cut_off_ingest_run_again_equals_one_clean_run(
    outage: Outage, stoppable_neo4j: StoppableNeo4j, tmp_path: Path
) -> None:
    again = _kg_ingest(stoppable_neo4j, outage.works, tmp_path / "rejects.jsonl")
    output, errors = again.communicate(timeout=180)
    assert again.returncode == 0, errors
    assert f"written {WORKS}" in output
    graph = stoppable_neo4j.graph
    assert (census(graph), derived_edges_checksum(graph)) == outage.clean


def test_the_api_answers_unavailable_at_once_while_neo4j_is_down(outage: Outage) -> None:
    assert outage.ready_before == 200
    assert outage.ready_while_down == 503
    errors = outage.answer_while_down["errors"]
    assert {error["extensions"]["code"] for error in errors} == {"UNAVAILABLE"}
    assert all("bolt://" not in error["message"] for error in errors)
    assert outage.seconds_while_down < 10, "requests must not hang while Neo4j is down"


def test_the_api_recovers_by_itself_when_neo4j_is_back(outage: Outage) -> None:
    """The same app instance, never restarted: its driver reconnects on its own."""
    assert outage.api.client.get("/readyz").status_code == 200
    assert outage.api.data(QUERY)["paper"] is None
