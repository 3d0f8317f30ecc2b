"""Re-running an ingest converges: the same file twice, or a run killed half-way and run again,
ends with exactly the graph of one clean run (census, and every derived and CITES edge with its
properties). The clean run is the session's ingest of idb03 (tests/conftest.py `load_idb03`:
its snapshot, proven equal to the ingested graph by tests/integration/test_snapshot.py)."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.census import census, checksum, edges
from testkit.datasets import IDB03_WORKS
from tests.conftest import DatabaseState, load_idb03
from tests.integration.kg_process import kg_command, kg_env, run_kg

IDB03_PAPERS = 2643


def _ingest_idb03(graph: Graph, rejects: Path) -> None:
    report = ingest_file(graph, IDB03_WORKS, FORMATS["openalex"], 1000, rejects)
    assert report.rejected == 0


@pytest.mark.slow
def test_reingesting_idb03_adds_nothing(graph: Graph, settings, tmp_path: Path,
                                       tmp_path_factory) -> None:
    load_idb03(graph, settings, tmp_path_factory)
    DatabaseState.loaded = None
    first_census, first_edges = census(graph), edges(graph)

    _ingest_idb03(graph, tmp_path / "second.rejects.jsonl")

    assert census(graph) == first_census
    assert edges(graph) == first_edges


def _papers(graph: Graph) -> int:
    return census(graph).get("papers", 0)


@pytest.mark.slow
def test_a_run_killed_half_way_then_rerun_ends_with_the_graph_of_one_clean_run(
    graph: Graph, settings, tmp_path: Path, tmp_path_factory
) -> None:
    env = kg_env(settings, tmp_path / "state")
    rejects = str(tmp_path / "rejects.jsonl")
    run = subprocess.Popen(
        kg_command("ingest", "openalex", str(IDB03_WORKS), "--batch-size", "50",
                   "--rejects", rejects),
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while _papers(graph) < 400 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait()
    killed_at = _papers(graph)
    assert run.returncode == -signal.SIGKILL
    assert 400 <= killed_at < IDB03_PAPERS

    # batches of 50 above stop the killed run between commits early on; the rerun needs no such
    rerun = run_kg(env, "ingest", "openalex", str(IDB03_WORKS), "--rejects", rejects)
    assert rerun.returncode == 0, rerun.stderr
    after_rerun = census(graph), checksum(graph)

    load_idb03(graph, settings, tmp_path_factory)

    assert after_rerun == (census(graph), checksum(graph))
    assert after_rerun[0]["papers"] == IDB03_PAPERS
