"""Attacks on the read-only Cypher path (`POST /api/cypher`, `kg cypher`), as an admin token
holder would try them: a query that would exhaust Neo4j's memory, commands that act on other
sessions' work (SHOW / TERMINATE TRANSACTIONS) or on the server (db.stats.*, resampling,
replanning), and queries terminated or timed out while they run."""

from __future__ import annotations

import dataclasses
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from kg.config import Settings
from kg.db.graph import Graph
from tests.e2e.conftest import Api
from tests.integration.kg_process import kg_command, kg_env, run_kg

HEAP_BOMB = "RETURN size([x IN range(1, 2000000000) | x]) AS n"
COLLECT_BOMB = "UNWIND range(1, 1000000000) AS x RETURN size(collect(x)) AS n"
# runs for minutes unless stopped; the marker finds it in SHOW TRANSACTIONS
LONG_QUERY = ("WITH 'kg-stop-me' AS marker UNWIND range(1, 1000000000) AS x "
              "WITH x WHERE x % 7 = 99 RETURN count(x) AS n")


def _cypher(client: TestClient, token: str, query: str) -> tuple[int, dict]:
    response = client.post("/api/cypher", json={"query": query},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.headers["content-type"].startswith("application/json"), response.text
    return response.status_code, response.json()


def _assert_neo4j_answers(client: TestClient, token: str) -> None:
    assert client.get("/readyz").json() == {"status": "ready"}
    status, body = _cypher(client, token, "RETURN 1 AS one")
    assert (status, body["rows"]) == (200, [{"one": 1}])


@pytest.fixture
def patient_api(settings: Settings, graph: Graph) -> Iterator[TestClient]:
    """The API with a long ad-hoc query timeout, so what stops a query is what the test means
    (a memory limit, another session), not the clock of a loaded machine."""
    with TestClient(create_app(dataclasses.replace(settings, cypher_timeout=300.0))) as client:
        yield client


def _running_marked_transaction(graph: Graph, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for row in graph.show("SHOW TRANSACTIONS YIELD transactionId, currentQuery"):
            query = row["currentQuery"] or ""
            if query.startswith("WITH 'kg-stop-me'"):  # not EXPLAIN nor this SHOW
                return row["transactionId"]
        time.sleep(0.2)
    raise AssertionError("the long query never showed up in SHOW TRANSACTIONS")


def _terminate(graph: Graph, transaction_id: str) -> None:
    graph.driver.execute_query("TERMINATE TRANSACTIONS $id", id=transaction_id)


def test_a_query_that_would_exhaust_the_heap_answers_query_memory_and_neo4j_keeps_answering(
    patient_api: TestClient, tokens: dict[str, str]
) -> None:
    status, body = _cypher(patient_api, tokens["admin"], HEAP_BOMB)

    assert status == 422, body
    assert body["error"]["code"] == "QUERY_MEMORY"
    assert "not running" not in body["error"]["message"]
    _assert_neo4j_answers(patient_api, tokens["admin"])


def test_kg_cypher_reports_a_query_over_the_memory_limit_in_one_line(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    # a time limit the memory limit comes before, even on a loaded machine
    env = {**kg_env(settings, tmp_path / "state"), "KG_CYPHER_TIMEOUT": "300"}
    result = run_kg(env, "cypher", COLLECT_BOMB)

    assert result.returncode == 1
    assert result.stderr.startswith("kg: the query needed more memory"), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert graph.read("admin/ping")


ADMIN_COMMANDS = [
    "SHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters RETURN *",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW SETTINGS",
    "SHOW INDEXES",
    "SHOW USERS",
    "USE system SHOW USERS",
    "CALL db.stats.retrieve('GRAPH COUNTS')",
    "CALL db.stats.collect('QUERIES')",
    "CALL db.stats.clear('QUERIES')",
    "CALL db.resampleIndex('paper_text')",
    "CALL db.resampleOutdatedIndexes()",
    "CALL db.prepareForReplanning()",
    "CALL dbms.components()",
    "MATCH (n) CALL db.resampleOutdatedIndexes() RETURN count(n)",
    "CALL () { CALL db.prepareForReplanning() } RETURN 1",
]


@pytest.mark.parametrize("query", ADMIN_COMMANDS)
def test_a_command_that_acts_on_the_server_or_other_sessions_is_forbidden(
    api: Api, tokens: dict[str, str], query: str
) -> None:
    status, body = _cypher(api.client, tokens["admin"], query)

    assert (status, body["error"]["code"]) == (403, "FORBIDDEN"), body


def test_terminate_transactions_cannot_stop_another_sessions_work(
    api: Api, graph: Graph, tokens: dict[str, str]
) -> None:
    with graph.driver.session() as session, \
            session.begin_transaction(metadata={"work": "ingest"}) as ingest:
        ingest.run("CREATE (:Paper {id: 'W-ingest'})").consume()
        [own] = [row["transactionId"] for row in graph.show(
            "SHOW TRANSACTIONS YIELD transactionId, metaData")
            if row["metaData"] == {"work": "ingest"}]
        for query in ("SHOW TRANSACTIONS", f"TERMINATE TRANSACTIONS '{own}'",
                      f"WITH 1 AS x TERMINATE TRANSACTIONS '{own}'"):
            status, body = _cypher(api.client, tokens["admin"], query)
            assert status in (400, 403), body
        ingest.run("CREATE (:Paper {id: 'W-ingest-2'})").consume()
        ingest.commit()
    assert {row["id"] for row in graph.read("all_paper_ids")} == {"W-ingest", "W-ingest-2"}


@pytest.mark.parametrize("query", [
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.propertyKeys()",
    "CALL db.schema.visualization()",
    "CALL db.index.fulltext.queryNodes('paper_text', 'basin') YIELD node, score "
    "RETURN node.id AS id, score",
])
def test_the_allowed_procedures_answer(api: Api, tokens: dict[str, str], query: str) -> None:
    api.graph.driver.execute_query("CREATE (:Paper {id: 'W1', title: 'A basin'})")

    status, body = _cypher(api.client, tokens["admin"], query)

    assert status == 200, body


def test_a_query_terminated_from_another_session_answers_a_coded_error(
    patient_api: TestClient, graph: Graph, tokens: dict[str, str]
) -> None:
    with ThreadPoolExecutor(1) as pool:
        answer = pool.submit(_cypher, patient_api, tokens["admin"], LONG_QUERY)
        _terminate(graph, _running_marked_transaction(graph))
        status, body = answer.result(timeout=60)

    assert (status, body["error"]["code"]) == (409, "TERMINATED"), body
    _assert_neo4j_answers(patient_api, tokens["admin"])


def test_a_query_past_its_time_limit_answers_a_coded_error(
    settings: Settings, graph: Graph, tokens: dict[str, str]
) -> None:
    with TestClient(create_app(dataclasses.replace(settings, cypher_timeout=1.0))) as client:
        status, body = _cypher(client, tokens["admin"], LONG_QUERY)

    assert (status, body["error"]["code"]) == (408, "TIMEOUT"), body


def test_kg_cypher_reports_a_terminated_query_in_one_line(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    env = {**kg_env(settings, tmp_path / "state"), "KG_CYPHER_TIMEOUT": "300"}
    with subprocess.Popen(kg_command("cypher", LONG_QUERY), env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        stopper = threading.Thread(
            target=lambda: _terminate(graph, _running_marked_transaction(graph)))
        stopper.start()
        stdout, stderr = process.communicate(timeout=120)
        stopper.join()

    assert process.returncode == 1, stdout + stderr
    assert stderr.startswith("kg: the query was terminated"), stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
