"""Faults: Neo4j stopped in the middle of an ingest, and under a running API.

Both tests stop the test database's server and always start it again (`StoppableNeo4j.stopped`),
so the tests after them find it as they expect."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from starlette.testclient import TestClient

from api.app import create_app
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.resources import source_root
from tests.conftest import DatabaseState, delete_everything
from tests.datasets import IDB03_WORKS
from tests.e2e.conftest import Api
from tests.reliability.conftest import StoppableNeo4j, census, derived_edges_checksum

WORKS = 600
BATCH = 50


def _first_works(path: Path, count: int, into: Path) -> Path:
    with gzip.open(path, "rt", encoding="utf-8") as source:
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


def _papers_once_some_landed(neo4j: StoppableNeo4j, ingest: subprocess.Popen[str]) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        papers = census(neo4j.graph).get("papers", 0)  # a census leaves out what it counts 0
        if papers:
            return papers
        assert ingest.poll() is None, "the ingest ended before any batch landed"
        time.sleep(0.05)
    raise AssertionError("no batch landed within 120 s")


def test_an_ingest_cut_off_by_a_neo4j_stop_and_run_again_equals_one_clean_run(
    stoppable_neo4j: StoppableNeo4j, tmp_path: Path
) -> None:
    neo4j, graph = stoppable_neo4j, stoppable_neo4j.graph
    DatabaseState.loaded = None
    delete_everything(graph)
    works = _first_works(IDB03_WORKS, WORKS, tmp_path / "works.jsonl")
    ingest_file(graph, works, FORMATS["openalex"], 1000, tmp_path / "clean-rejects.jsonl")
    clean = census(graph), derived_edges_checksum(graph)
    delete_everything(graph)

    ingest = _kg_ingest(neo4j, works, tmp_path / "rejects.jsonl")
    try:
        _papers_once_some_landed(neo4j, ingest)
        ingest.send_signal(signal.SIGSTOP)  # hold it mid-run while the server goes down
        landed = census(graph)["papers"]
        with neo4j.stopped():
            ingest.send_signal(signal.SIGCONT)
            _, errors = ingest.communicate(timeout=120)
    finally:
        ingest.kill()
    assert 0 < landed < clean[0]["papers"], "the stop did not fall in the middle of the ingest"
    assert ingest.returncode == 1
    assert errors.startswith("kg: Neo4j") and errors.count("\n") == 1, errors
    assert "Traceback" not in errors

    again = _kg_ingest(neo4j, works, tmp_path / "rejects-again.jsonl")
    output, errors = again.communicate(timeout=180)
    assert again.returncode == 0, errors
    assert f"written {WORKS}" in output
    assert (census(graph), derived_edges_checksum(graph)) == clean


def test_the_api_answers_unavailable_while_neo4j_is_down_and_recovers_by_itself(
    stoppable_neo4j: StoppableNeo4j,
) -> None:
    neo4j = stoppable_neo4j
    query = '{ search(query: "geology") { id } paper(id: "W0") { id } }'
    with TestClient(create_app(neo4j.settings)) as client:
        api = Api(client)
        assert client.get("/readyz").status_code == 200
        assert api.data(query)["paper"] is None
        with neo4j.stopped():
            started = time.monotonic()
            ready = client.get("/readyz")
            body = api.query(query)
            down_seconds = time.monotonic() - started
            assert ready.status_code == 503 and ready.json()["status"] == "unavailable"
            assert {e["extensions"]["code"] for e in body["errors"]} == {"UNAVAILABLE"}
            assert all("bolt://" not in e["message"] for e in body["errors"])
            assert down_seconds < 10, "a request must not hang while Neo4j is down"
        # the same app, never restarted: its driver reconnects on its own
        assert client.get("/readyz").status_code == 200
        assert api.data(query)["paper"] is None
