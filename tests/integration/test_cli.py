"""The `kg` command against a real local server of its own (separate home and ports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest

from kg import config
from kg.config import LOCAL_DEFAULT_PASSWORD
from testkit.database import quick_jvm_options
from testkit.ports import free_port


@pytest.fixture
def kg_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(
        NEO4J_URI=f"bolt://127.0.0.1:{free_port()}",
        NEO4J_HTTP_PORT=str(free_port()),
        KG_STATE_DIR=str(tmp_path / "state"),
        NEO4J_HEAP="512m",
        NEO4J_PAGECACHE="256m",
        NEO4J_JVM_OPTIONS=" ".join(quick_jvm_options(config.from_env(), brief=True)),
    )
    return env


def kg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], env=env, capture_output=True, text=True,
        timeout=600,
    )


def _paper_count(env: dict[str, str]) -> int:
    auth = ("neo4j", LOCAL_DEFAULT_PASSWORD)
    with neo4j.GraphDatabase.driver(env["NEO4J_URI"], auth=auth) as driver:
        driver.execute_query("MERGE (:Paper {id: 'W-restart'})")
        records, _, _ = driver.execute_query("MATCH (p:Paper) RETURN count(p) AS n")
        return records[0]["n"]


def test_db_lifecycle_keeps_data_across_a_restart(kg_env: dict[str, str]) -> None:
    try:
        first = kg(kg_env, "db", "start", "--local")
        assert first.returncode == 0 and "Neo4j started" in first.stdout, first.stderr
        for args in (["db", "status", "--local"], ["schema", "apply"], ["schema", "apply"]):
            result = kg(kg_env, *args)
            assert result.returncode == 0, result.stderr
        assert _paper_count(kg_env) == 1

        again = kg(kg_env, "db", "start", "--local")
        assert again.returncode == 0 and "already running" in again.stdout

        assert kg(kg_env, "db", "stop", "--local").returncode == 0
        assert kg(kg_env, "db", "status", "--local").returncode == 3

        assert kg(kg_env, "db", "start", "--local").returncode == 0
        assert _paper_count(kg_env) == 1
    finally:
        kg(kg_env, "db", "stop", "--local")


def test_schema_apply_without_a_server_names_the_start_command(kg_env: dict[str, str]) -> None:
    result = kg(kg_env, "schema", "apply")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "kg db start" in result.stderr and "Traceback" not in result.stderr


def test_a_wrong_password_is_reported_in_one_line(settings, session_graph) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_PASSWORD="not-the-password")
    result = kg(env, "schema", "apply")
    assert result.returncode == 1
    assert "refused user 'neo4j'" in result.stderr and "Traceback" not in result.stderr
