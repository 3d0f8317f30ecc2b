"""Two `kg ingest` runs of overlapping files at the same moment give exactly the graph of one
ingest of both files: each batch holds the ingest lock (kg/ingest/serial.py) while it reads its
papers' states and moves their deltas, so no paper is taken as new by both runs and no pair is
counted twice. Each run has its own driver, as two processes would."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kg.config import Settings
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import IngestReport, ingest_file
from testkit import concurrency, database
from testkit.census import NOVELTY_BOOKKEEPING, contents, edges
from testkit.database import delete_everything
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works
from tests.integration.test_read_model import assert_read_model_is_exact

BATCH = 25  # small batches: the two runs' transactions interleave many times


def _write(path: Path, works: list[dict[str, Any]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(work) + "\n" for work in works)
    return path


def _ingest(settings: Settings, path: Path) -> IngestReport:
    with database.connect(settings) as graph:
        return ingest_file(graph, path, FORMATS["openalex"], BATCH,
                           path.with_suffix(".rejects.jsonl"))


def _at_once(settings: Settings, paths: list[Path]) -> list[IngestReport]:
    """Ingest each file in a thread of its own, with a driver of its own, released together."""
    reports = concurrency.at_once([lambda path=path: _ingest(settings, path) for path in paths],
                                  timeout=900)
    assert all(isinstance(report, IngestReport) for report in reports), reports
    return reports


def _by_pair(graph: Graph, kind: str, figure: str) -> dict[tuple[str, str], Any]:
    return {tuple(sorted((a, b))): props[figure] for (_, a, b), props in edges(graph, (kind,))
            .items()}


@pytest.fixture(scope="module")
def works() -> list[dict[str, Any]]:
    return load_works(IDB03_WORKS)[:300]


def test_two_ingests_of_overlapping_files_at_once_give_the_graph_of_one_ingest_of_both(
    graph: Graph, settings: Settings, works: list[dict[str, Any]], tmp_path: Path
) -> None:
    # Both files start with the same 100 works, so the two runs write the same papers at the
    # same moment; each then has 100 of its own.
    first = _write(tmp_path / "first.jsonl.gz", works[:200])
    second = _write(tmp_path / "second.jsonl.gz", works[:100] + works[200:])

    reports = _at_once(settings, [first, second])

    assert [(r.written, r.rejected) for r in reports] == [(200, 0), (200, 0)]
    together = contents(graph, NOVELTY_BOOKKEEPING)
    pair_edges = Counter((row["labels"][0], *sorted((row["start"], row["end"])))
                         for row in map(json.loads, together) if row["kind"] == "relationship"
                         and row["labels"][0] in ("COAUTHOR", "PARTNER", "CO_OCCURS"))
    assert len(pair_edges) > 1000 and max(pair_edges.values()) == 1
    oracle = Oracle.from_works(works)
    assert _by_pair(graph, "COAUTHOR", "works") == {
        pair: stats.works for pair, stats in oracle.coauthors.items()}
    assert _by_pair(graph, "CO_OCCURS", "papers") == oracle.co_occurs
    assert _by_pair(graph, "PARTNER", "works") == oracle.partners
    assert assert_read_model_is_exact(graph) > 300

    delete_everything(graph)
    assert _ingest(settings, _write(tmp_path / "both.jsonl.gz", works)).rejected == 0
    assert contents(graph, NOVELTY_BOOKKEEPING) == together

