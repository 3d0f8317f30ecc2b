"""The `kg` command for scripts and for a person setting up: `--json` prints each summary as one
JSON object on stdout (nothing else there), and `kg doctor` names each problem with what to do."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any, LiteralString, cast

import networkx as nx

from kg.cli import build_parser
from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from testkit.datasets import SAMPLE_WORKS
from testkit.ports import free_port


def env_for(settings: Settings, tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_PASSWORD=settings.neo4j_password,
               NEO4J_HTTP_PORT=str(free_port()), KG_STATE_DIR=str(tmp_path / "state"))
    env.update(overrides)
    return env


def kg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], env=env, capture_output=True,
                          text=True, timeout=600)


def kg_json(env: dict[str, str], *args: str, status: int = 0) -> dict[str, Any]:
    result = kg(env, *args, "--json")
    assert result.returncode == status, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    return json.loads(lines[0])


def test_every_summary_is_one_json_object_with_json(graph: Graph, settings: Settings,
                                                    tmp_path: Path) -> None:
    env = env_for(settings, tmp_path)
    assert kg_json(env, "schema", "apply")["present"] == len(schema.declared())
    ingested = kg_json(env, "ingest", "openalex", str(SAMPLE_WORKS))
    assert ingested["read"] == ingested["written"] > 0 and ingested["rejected"] == 0
    assert kg_json(env, "derive", "--full")["seconds"] >= 0
    trust = kg_json(env, "trust", "compute")
    assert trust["converged"] and sum(trust["researchers_by_level"].values()) > 0
    user = kg_json(env, "user", "create", "--email", "ada@example.org")
    assert user["role"] == "user" and len(user["token"]) > 20
    out = tmp_path / "around.graphml"
    exported = kg_json(env, "export", "graphml", str(out), "--around", "A5085007251",
                       "--depth", "1")
    g = nx.read_graphml(out, force_multigraph=True)
    assert (exported["nodes"], exported["edges"]) == (g.number_of_nodes(), g.number_of_edges())
    status = kg_json(env, "db", "status", "--local", status=3)
    assert status["running"] is False and status["bolt"].startswith("bolt://")


def test_export_refusals_are_one_line(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    env = env_for(settings, tmp_path)
    for args, words in ((["--around", "W0"], "W0"), (["--depth", "2"], "--around")):
        result = kg(env, "export", "csv", str(tmp_path / "out"), *args)
        assert result.returncode == 1 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def checks(env: dict[str, str], *args: str) -> dict[str, list[dict[str, Any]]]:
    result = kg(env, "doctor", "--json", *args)
    report = json.loads(result.stdout)
    assert result.returncode == (0 if report["ok"] else 1)
    by_name: dict[str, list[dict[str, Any]]] = {}
    for check in report["checks"]:
        by_name.setdefault(check["name"], []).append(check)
    return by_name


def test_doctor_is_content_with_a_ready_machine(graph: Graph, settings: Settings,
                                                tmp_path: Path) -> None:
    found = checks(env_for(settings, tmp_path), "--api-port", str(free_port()))
    assert {name: all(c["ok"] for c in found[name]) for name in found} == {
        "java": True, "maven": True, "ports": True, "neo4j": True, "schema": True, "npm": True}
    text = kg(env_for(settings, tmp_path), "doctor", "--api-port", str(free_port()))
    assert text.returncode == 0 and text.stdout.rstrip().endswith("all well")


def test_doctor_says_what_to_do_when_neo4j_is_down_and_ports_are_taken(
        settings: Settings, tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        env = env_for(settings, tmp_path, NEO4J_URI=f"bolt://127.0.0.1:{taken}")
        found = checks(env, "--api-port", str(taken))
    neo4j, = found["neo4j"]
    assert not neo4j["ok"] and neo4j["fix"].startswith("kg db start")
    assert not found["schema"][0]["ok"]
    bolt, _, api = found["ports"]
    assert not bolt["ok"] and str(taken) in bolt["detail"] and "NEO4J_URI" in bolt["fix"]
    assert not api["ok"] and "kg serve --port" in api["fix"]


def test_doctor_names_a_wrong_password_and_a_missing_index(graph: Graph, settings: Settings,
                                                           tmp_path: Path) -> None:
    wrong = checks(env_for(settings, tmp_path, NEO4J_PASSWORD="not-the-password"))
    assert "NEO4J_PASSWORD" in wrong["neo4j"][0]["fix"]

    index = sorted(i.name for i in schema.declared() if i.type == "RANGE")[0]
    graph.run_schema_statement(cast(LiteralString, f"DROP INDEX {index}"))
    try:
        found = checks(env_for(settings, tmp_path), "--api-port", str(free_port()))
        check, = found["schema"]
        assert not check["ok"] and index in check["detail"] and check["fix"] == "kg schema apply"
    finally:
        schema.apply(graph)


SUMMARY_COMMANDS = (["db", "start"], ["db", "stop"], ["db", "status"], ["schema", "apply"],
                    ["ingest", "openalex", "x.jsonl"], ["derive", "--full"],
                    ["user", "create", "--email", "e@x.org"], ["trust", "compute"],
                    ["export", "csv", "out"], ["doctor"])


def test_every_command_that_prints_a_summary_offers_json() -> None:
    parser = build_parser()
    for command in SUMMARY_COMMANDS:
        assert parser.parse_args([*command, "--json"]).json is True, command
