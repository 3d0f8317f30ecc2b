"""Novelty re-decided per batch by band (kg/ingest/novelty.py): a batch re-decides a paper far
from it when N moved it across the threshold, in both directions, without a re-basing; a batch
that grows N too far re-bases; the per-batch queries read no whole label."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.db.graph import Graph
from kg.ingest import novelty
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.metrics import ATYPICAL_NPMI, metrics_for
from tests.integration.test_read_model import assert_novelty_is_exact
from tests.plans import INDEX_SEEKS, SCANS, normalised, plan_operators


def _work(number: int, topics: list[str], author: str) -> dict[str, Any]:
    return {
        "id": f"https://openalex.org/W{number}",
        "title": f"Paper {number}",
        "publication_year": 2020,
        "authorships": [{"author": {"id": f"https://openalex.org/{author}",
                                    "display_name": author}}],
        "topics": [{"id": f"https://openalex.org/{t}", "display_name": t, "score": 0.9}
                   for t in topics],
    }


def _ingest(graph: Graph, tmp_path: Path, name: str, works: list[dict[str, Any]]) -> None:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(w) + "\n" for w in works))
    report = ingest_file(graph, path, FORMATS["openalex"], 1000, tmp_path / "rejects.jsonl")
    assert report.rejected == 0


def _corpus(graph: Graph) -> dict[str, Any]:
    return graph.read("count_corpus_novelty")[0]


@pytest.fixture
def sixty(graph: Graph, tmp_path: Path) -> Graph:
    """60 tagged papers: W1 pairs T1 and T2 (one paper in common, ten papers each), so its NPMI
    is ln(60 / 100) / ln 60 = -0.125: novel; with N = 70 it is -0.091: not novel. Its author
    A1 wrote nothing else."""
    works = [_work(1, ["T1", "T2"], "A1")]
    works += [_work(n, ["T1"], "A2") for n in range(2, 11)]
    works += [_work(n, ["T2"], "A3") for n in range(11, 20)]
    works += [_work(n, ["T3"], "A4") for n in range(20, 61)]
    _ingest(graph, tmp_path, "sixty", works)
    assert assert_novelty_is_exact(graph) == 1
    assert metrics_for(graph, ["A1"])["A1"].novel_works == 1
    return graph


def test_a_tiny_batch_flips_a_paper_far_from_it_through_n_and_back(
    sixty: Graph, tmp_path: Path
) -> None:
    batch = [_work(n, ["T4"], "A9") for n in range(61, 71)]
    _ingest(sixty, tmp_path, "tiny", batch)

    assert assert_novelty_is_exact(sixty) == 0
    assert metrics_for(sixty, ["A1"])["A1"].novel_works == 0
    corpus = _corpus(sixty)
    assert (corpus["n_min"], corpus["n_max"], corpus["stale"]) == (60, 70, False)  # no re-basing

    _ingest(sixty, tmp_path, "untagged", [{**w, "topics": []} for w in batch])

    assert assert_novelty_is_exact(sixty) == 1
    assert metrics_for(sixty, ["A1"])["A1"].novel_works == 1
    corpus = _corpus(sixty)
    assert (corpus["n"], corpus["n_min"], corpus["n_max"]) == (60, 60, 70)


def test_a_batch_that_grows_n_too_far_rebases_and_forgets_every_drift(
    sixty: Graph, tmp_path: Path
) -> None:
    _ingest(sixty, tmp_path, "grown", [_work(n, ["T1", "T5"], "A9") for n in range(61, 81)]
            + [_work(n, ["T2", "T6"], "A9") for n in range(81, 161)])

    assert_novelty_is_exact(sixty)
    corpus = _corpus(sixty)
    assert (corpus["n"], corpus["n_min"], corpus["n_max"], corpus["stale"]) == (160, 160, 160,
                                                                                False)
    assert (corpus["topic_drifts"], corpus["pair_drifts"], corpus["drifting"]) == (
        [0.0] * novelty.CLASSES, [0.0] * novelty.CLASSES, 0)


def test_a_paper_that_loses_its_topic_pair_loses_its_flag_and_margin(
    sixty: Graph, tmp_path: Path
) -> None:
    _ingest(sixty, tmp_path, "lost", [_work(1, ["T1"], "A1")])

    assert assert_novelty_is_exact(sixty) == 0
    assert metrics_for(sixty, ["A1"])["A1"].novel_works == 0


@pytest.mark.parametrize("name, params", [
    ("readmodel/novelty_band", {"novel": [{"key": k, "margin": -7.6} for k in range(1, 32, 2)],
                                "plain": [{"key": k, "margin": -7.5} for k in range(0, 32, 2)],
                                "limit": 100}),
    ("readmodel/novelty_holders", {"topic_ids": ["T10965"], "pairs": [["T10965", "T11636"]]}),
    ("readmodel/novelty", {"paper_ids": ["W2741809807"], "atypical_npmi": ATYPICAL_NPMI,
                           "grid": novelty.MARGIN_GRID, "expand_below": novelty.EXPAND_BELOW,
                           "classes": novelty.CLASSES}),
    ("readmodel/novelty_drift", {"topics": [], "pairs": [], "expand_below": 64,
                                 "classes": novelty.CLASSES}),
])
def test_the_per_batch_novelty_queries_read_no_whole_label(
    idb03_graph: Graph, name: str, params: dict[str, Any]
) -> None:
    operators = [normalised(o) for o in plan_operators(idb03_graph, name, **params)]
    assert not set(operators) & SCANS, operators
    if name != "readmodel/novelty_drift":
        assert set(operators) & INDEX_SEEKS, operators
    if name == "readmodel/novelty_band":
        assert {"NodeIndexSeekByRange", "NodeIndexSeek"} & set(operators), operators
