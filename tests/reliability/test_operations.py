"""Operating it: `kg db backup` / `kg db restore` give back the same graph, and `kg serve` started
while Neo4j is down serves UNAVAILABLE until Neo4j comes up, then becomes ready by itself.

Both run on a scratch server of their own (free ports, a state folder of their own), which they
stop and start, so the shared test server is untouched."""

from __future__ import annotations

import dataclasses
import gzip
import json
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg import accounts, config
from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer
from testkit import database
from testkit.census import contents
from testkit.datasets import IDB03_WORKS
from testkit.ports import free_port
from tests.integration.kg_process import kg_command, kg_env, run_kg


@dataclass
class Scratch:
    settings: Settings
    server: LocalServer
    graph: Graph
    env: dict[str, str]

    def reconnect(self) -> None:
        """A new connection, as a new process would open: after a restore the old one's
        bookmarks name transactions of the replaced database, which it waits for in vain."""
        self.graph.close()
        self.graph = database.connect(self.settings)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Iterator[Scratch]:
    state = tmp_path_factory.mktemp("ops-state")
    # no plan warm-up in its `kg serve` (tests/conftest.py turns it off for the same reason)
    own = database.on_free_ports(dataclasses.replace(config.from_env(), state_dir=state,
                                                     warm_plan_seconds=0), brief=True)
    with database.scratch_server(own, state / "neo4j") as server:
        graph = database.connect(own)
        schema.apply(graph)
        env = kg_env(own, state) | {
            "KG_CACHE_DIR": str(own.cache_dir), "NEO4J_HTTP_PORT": str(own.neo4j_http_port),
            "NEO4J_HEAP": own.neo4j_heap, "NEO4J_PAGECACHE": own.neo4j_pagecache,
            "NEO4J_JVM_OPTIONS": own.neo4j_jvm_options,
            **({"KG_JAVA_HOME": str(own.java_home)} if own.java_home else {})}
        scratch = Scratch(own, server, graph, env)
        yield scratch
        scratch.graph.close()


def _load_some_data(graph: Graph, tmp: Path) -> None:
    works = tmp / "works.jsonl"
    with gzip.open(IDB03_WORKS, "rt", encoding="utf-8") as source:
        works.write_text("".join(line for line, _ in zip(source, range(150), strict=False)))
    ingest_file(graph, works, FORMATS["openalex"], 1000, tmp / "rejects.jsonl")
    user, _ = accounts.create_user(graph, "ada@example.org", "Ada")
    researcher = graph.driver.execute_query("MATCH (r:Researcher) RETURN r.id AS id LIMIT 1")
    accounts.follow(graph, user, researcher.records[0]["id"])


def test_a_restored_backup_gives_back_the_same_graph(scratch: Scratch, tmp_path: Path) -> None:
    _load_some_data(scratch.graph, tmp_path)
    before = contents(scratch.graph)
    assert len(before) > 1000
    dump = tmp_path / "kg.dump"

    backup = run_kg(scratch.env, "db", "backup", str(dump), "--local")
    assert backup.returncode == 0, backup.stderr
    assert "stopping Neo4j" in backup.stdout and "started again" in backup.stdout
    assert dump.stat().st_size > 0
    wait_until_ready(scratch.settings)
    assert contents(scratch.graph) == before, "a backup must not change the graph"

    database.delete_everything(scratch.graph)
    assert contents(scratch.graph) == []
    restore = run_kg(scratch.env, "db", "restore", str(dump), "--local")
    assert restore.returncode == 0, restore.stderr
    assert "started again" in restore.stdout
    scratch.reconnect()
    assert contents(scratch.graph) == before


def test_restoring_a_file_that_is_not_a_dump_fails_in_one_line_and_keeps_the_graph(
    scratch: Scratch, tmp_path: Path
) -> None:
    accounts.create_user(scratch.graph, "bob@example.org", "Bob")
    before = contents(scratch.graph)
    missing = run_kg(scratch.env, "db", "restore", str(tmp_path / "none.dump"), "--local")
    assert missing.returncode == 1 and missing.stderr.startswith("kg: no such file")
    garbage = tmp_path / "garbage.dump"
    garbage.write_bytes(b"not a neo4j dump\n" * 100)
    failed = run_kg(scratch.env, "db", "restore", str(garbage), "--local")
    assert failed.returncode == 1
    assert failed.stderr.startswith("kg: neo4j-admin could not load the dump")
    assert failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr
    assert "the database was put back as it was" in failed.stderr
    assert "started again" in failed.stdout
    wait_until_ready(scratch.settings)
    assert contents(scratch.graph) == before


def _get(url: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, str], Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def _wait_for(check, seconds: float) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OSError:  # refused, reset or timed out: not yet
            pass
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


def test_kg_serve_with_neo4j_down_answers_unavailable_then_ready_and_logs_json_lines(
    scratch: Scratch,
) -> None:
    query = {"query": '{ paper(id: "W1") { id } }'}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    scratch.server.stop()
    serve = subprocess.Popen(kg_command("serve", "--port", str(port)), env=scratch.env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: _get(f"{base}/healthz")[0] == 200, 60)
        assert _get(f"{base}/readyz")[0] == 503
        status, headers, body = _get(f"{base}/graphql", query)
        assert status == 200 and body["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
        assert body["errors"][0]["extensions"]["requestId"] == headers["x-request-id"]

        scratch.server.start()
        _wait_for(lambda: _get(f"{base}/readyz")[0] == 200, 120)
        status, _, body = _get(f"{base}/graphql", query)
        assert status == 200 and "errors" not in body
    finally:
        serve.terminate()
        output, errors = serve.communicate(timeout=30)
        scratch.server.start()
        wait_until_ready(scratch.settings)
    assert "serving anyway" in errors
    access_lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert {"request_id": headers["x-request-id"], "method": "POST", "path": "/graphql",
            "status": 200}.items() <= next(
        line for line in access_lines if line["request_id"] == headers["x-request-id"]).items()
