"""The read model: for every researcher, topic and paper of idb03, the figures the API reads
(stored at write time) equal a live computation over the facts (testkit/queries/live_*), after a
fresh ingest, after overlapping files that change records (novelty after every batch, not just
every file), after mutations and after `kg derive --full` (these two start from the run's
snapshot of the first 600 or 900 idb03 works ingested in batches of 150: tests/conftest.py
`load_idb03_prefix`)."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path
from typing import Any

import pytest

from kg import accounts
from kg.coauthorship import CLOSE_COLLABORATOR_MIN_WORKS
from kg.db.graph import Graph
from kg.ingest import derive
from kg.ingest.formats import FORMATS
from kg.ingest.novelty import CLASSES, EXPAND_BELOW, MARGIN_GRID, SLACK, Drift
from kg.ingest.pipeline import Format, ingest_file
from kg.metrics import AI_CATEGORIES, AI_SUBFIELD, ATYPICAL_NPMI, ResearcherMetrics, metrics_for
from kg.nodes import papers_by_ids, topics_by_ids
from testkit.datasets import IDB03_WORKS
from testkit.oracle import load_works
from tests.conftest import load_idb03_prefix


def _live_researchers(graph: Graph) -> dict[str, dict[str, Any]]:
    ids = [row["id"] for row in graph.read("all_researcher_ids")]
    rows = graph.read("live_researcher_figures", researcher_ids=ids,
                      atypical_npmi=ATYPICAL_NPMI, min_shared_works=CLOSE_COLLABORATOR_MIN_WORKS)
    return {row.pop("id"): row for row in rows}


def assert_read_model_is_exact(graph: Graph) -> int:
    """Every stored figure equals its live computation; returns the researchers compared."""
    live = _live_researchers(graph)
    stored = metrics_for(graph, sorted(live))
    assert set(stored) == set(live)
    for rid, figures in live.items():
        assert stored[rid] == ResearcherMetrics(**figures), rid

    topics = graph.read("live_topic_figures")
    assert topics
    by_id = topics_by_ids(graph, [t["id"] for t in topics])
    for topic in topics:
        assert topic["stored_papers"] == topic["papers"] == by_id[topic["id"]].papers, topic

    corpus = graph.read("live_corpus")[0]
    assert (corpus["stored_topical_papers"], corpus["stored_tagged_papers"]) == (
        corpus["topical_papers"], corpus["tagged_papers"])

    papers = graph.read("live_paper_figures")
    found = papers_by_ids(graph, [p["id"] for p in papers])
    for paper in papers:
        assert found[paper["id"]].citations == paper["citations"], paper
    assert_novelty_is_exact(graph)
    return len(live)


def assert_novelty_is_exact(graph: Graph) -> int:
    """Every paper's stored novelty flag equals a live computation, its stored class carries
    that flag, and its stored margin bounds the live one on the side the flag can flip from,
    within its class's drift: the live margin is at most the stored one plus the class's rise
    when novel, at least the stored one less its fall when not (a paper keeps the margin of its
    last decision, or one `novelty.keeps` kept: kg/ingest/novelty.py); returns the novel
    papers."""
    corpus = graph.read("count_corpus_novelty")
    drift = Drift.of(corpus[0]) if corpus else None
    papers = graph.read("live_paper_novelty", atypical_npmi=ATYPICAL_NPMI, grid=MARGIN_GRID)
    for paper in papers:
        assert paper["stored_novel"] == paper["novel"], paper
        assert (paper["stored_margin"] is None) == (paper["margin"] is None), paper
        if paper["margin"] is not None:
            assert paper["stored_class"] % 2 == paper["novel"], paper
            rank = paper["stored_class"] // 2
            up, down = (math.inf, math.inf) if drift is None else (drift.rise(rank),
                                                                   drift.fall(rank))
            moved = paper["margin"] - paper["stored_margin"]
            if paper["novel"]:
                assert moved <= up + SLACK, (paper, up)
            else:
                assert -down - SLACK <= moved, (paper, down)
    return sum(paper["novel"] for paper in papers)


def _write(path: Path, works: list[dict[str, Any]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for work in works:
            out.write(json.dumps(work) + "\n")
    return path


def _ingest(graph: Graph, path: Path, tmp_path: Path, fmt: Format[Any] = FORMATS["openalex"]
            ) -> None:
    report = ingest_file(graph, path, fmt, 500, tmp_path / "rejects.jsonl")
    assert report.rejected == 0


def _checking_novelty_after_each_batch(checked: list[int]) -> Format[Any]:
    """OpenAlex works, with every paper's novelty compared with a live one after each batch."""
    plain = FORMATS["openalex"]

    def finish(graph: Graph) -> None:
        plain.finish(graph)
        checked.append(assert_novelty_is_exact(graph))

    return Format(plain.name, plain.parse, plain.write, finish)


def _changed(work: dict[str, Any]) -> dict[str, Any]:
    """The same work as a later export might give it: an author, a topic and the first
    reference gone, its citation count up."""
    work = json.loads(json.dumps(work))
    work["authorships"] = work.get("authorships", [])[:-1]
    work["topics"] = work.get("topics", [])[1:]
    work["referenced_works"] = work.get("referenced_works", [])[1:]
    work["cited_by_count"] = int(work.get("cited_by_count") or 0) + 7
    return work


def test_stored_figures_equal_live_ones_after_a_fresh_ingest(idb03_graph: Graph) -> None:
    assert assert_read_model_is_exact(idb03_graph) > 3000


def test_stored_figures_stay_exact_when_an_overlapping_file_changes_records(
    graph: Graph, tmp_path: Path
) -> None:
    works = load_works(IDB03_WORKS)
    third = len(works) // 3
    first = _write(tmp_path / "first.jsonl.gz", works[:2 * third])
    second = _write(tmp_path / "second.jsonl.gz",
                    [_changed(w) for w in works[third:2 * third]] + works[2 * third:])
    checked: list[int] = []
    _ingest(graph, first, tmp_path)
    assert_read_model_is_exact(graph)
    _ingest(graph, second, tmp_path, _checking_novelty_after_each_batch(checked))
    assert len(checked) >= 4 and min(checked) > 0
    assert assert_read_model_is_exact(graph) > 3000


def test_stored_figures_stay_exact_after_follows_and_unfollows(
    graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    ids = [row["id"] for row in graph.read("all_researcher_ids")][:3]
    ann, _ = accounts.create_user(graph, "ann@example.org")
    bob, _ = accounts.create_user(graph, "bob@example.org")
    for user in (ann, bob):
        for rid in ids:
            accounts.follow(graph, user, rid)
    accounts.follow(graph, ann, ids[0])
    assert accounts.unfollow(graph, bob, ids[1]) == 1
    accounts.unfollow(graph, bob, ids[1])

    assert_read_model_is_exact(graph)
    found = metrics_for(graph, ids)
    assert [found[rid].followers for rid in ids] == [2, 1, 2]


def test_a_full_rederivation_rebuilds_every_stored_figure(
    graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 900, 150)
    graph.write("forget_stored_figures")

    derive.rebuild_all(graph)

    assert assert_read_model_is_exact(graph) > 1000


@pytest.mark.parametrize("query", ["readmodel/researcher_figures", "readmodel/paper_figures",
                                   "readmodel/topic_figures", "readmodel/novelty",
                                   "readmodel/researcher_citations",
                                   "readmodel/close_collaborators"])
def test_an_unknown_id_refreshes_nothing(graph: Graph, query: str) -> None:
    key = {"readmodel/researcher_figures": "researcher_ids",
           "readmodel/researcher_citations": "researcher_ids",
           "readmodel/close_collaborators": "researcher_ids",
           "readmodel/topic_figures": "topic_ids"}.get(query, "paper_ids")
    extra: dict[str, Any] = {
        "readmodel/researcher_figures": {"ai_categories": list(AI_CATEGORIES),
                                         "ai_subfield": AI_SUBFIELD},
        "readmodel/close_collaborators": {"min_shared_works": 2},
        "readmodel/novelty": {"atypical_npmi": ATYPICAL_NPMI, "grid": MARGIN_GRID,
                              "expand_below": EXPAND_BELOW, "classes": CLASSES,
                              "loose_ids": ["X-unknown"], "keep": True, "pair_counts": {}},
    }.get(query, {})
    graph.write(query, **{key: ["X-unknown"]}, **extra)
    assert graph.read("count_nodes")[0]["nodes"] == 0
