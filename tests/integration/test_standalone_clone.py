"""A fresh clone runs its own tests with nothing beside it: no `../shared`, no KG_SHARED_DATA.

The clone (of HEAD, into an empty temporary folder) collects the whole default suite, and runs
data-loading tests that read idb03's works and author profiles, the arXiv head and the seed pages
against this session's Neo4j (emptied first: the clone's fixtures refuse to wipe a populated
database they did not start). test_ingest_openalex.py is not among them: a full ingest of the
idb03 works, which the authors and arXiv tests read whole, adds twenty seconds and no file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from kg.config import Settings
from kg.db.graph import Graph
from testkit.database import delete_everything
from testkit.datasets import ROOT
from tests.conftest import DatabaseState

DATA_LOADING_TESTS = [
    "tests/integration/test_ingest_openalex_authors.py",
    "tests/integration/test_ingest_arxiv.py",
    "tests/integration/test_ingest_own_format.py",
]


def _clone_env(settings: Settings, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
               NEO4J_PASSWORD=settings.neo4j_password, NEO4J_DATABASE=settings.neo4j_database,
               KG_STATE_DIR=str(tmp_path / "state"))
    return env


def _pytest(clone: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=900)


def test_a_fresh_clone_without_shared_data_collects_and_runs_its_data_loading_tests(
    session_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    clone = tmp_path / "empty-folder" / "kg"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)],
                   check=True, capture_output=True)
    assert not (clone.parent / "shared").exists()
    env = _clone_env(settings, tmp_path)

    collected = _pytest(clone, env, "--collect-only")
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
    count = int(re.search(r"(\d+) tests? collected", collected.stdout).group(1))
    assert count > 200

    delete_everything(session_graph)
    DatabaseState.loaded = None
    try:
        ran = _pytest(clone, env, *DATA_LOADING_TESTS)
    finally:
        delete_everything(session_graph)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    assert re.search(r"\d+ passed", ran.stdout) and " failed" not in ran.stdout
