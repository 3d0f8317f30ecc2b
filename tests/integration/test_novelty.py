"""Novelty re-decided per batch by band (kg/ingest/novelty.py): a batch re-decides a paper far
from it when N moved it across the threshold, in both directions, without a re-basing; a batch
that grows N too far re-bases; a batch that commits between two chunks of a re-basing stays in
the drift; the per-batch queries read no whole label and the band seeks its index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.db.graph import Graph, Transaction
from kg.ingest import novelty, serial
from kg.ingest.formats import FORMATS
from kg.ingest.openalex import parse_work
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
    assert [corpus[k] for k in ("topic_rises", "topic_falls", "pair_rises", "pair_falls")] == (
        [[0.0] * novelty.CLASSES] * 4)
    assert corpus["drifting"] == 0


def test_a_store_from_before_classes_rebases_on_its_first_batch(
    sixty: Graph, tmp_path: Path
) -> None:
    assert sixty.write("forget_novelty_classes")[0]["papers"] == 1

    _ingest(sixty, tmp_path, "tiny", [_work(n, ["T4"], "A9") for n in range(61, 71)])

    assert assert_novelty_is_exact(sixty) == 0  # W1 flipped through N: found by the re-basing
    assert not _corpus(sixty)["stale"]


def test_a_paper_that_loses_its_topic_pair_loses_its_flag_and_margin(
    sixty: Graph, tmp_path: Path
) -> None:
    _ingest(sixty, tmp_path, "lost", [_work(1, ["T1"], "A1")])

    assert assert_novelty_is_exact(sixty) == 0
    assert metrics_for(sixty, ["A1"])["A1"].novel_works == 0


def _margins(graph: Graph, paper_id: str) -> tuple[float, float]:
    """(stored, live) margin of one paper."""
    row = next(row for row in graph.read("live_paper_novelty", atypical_npmi=ATYPICAL_NPMI,
                                         grid=novelty.MARGIN_GRID) if row["id"] == paper_id)
    return row["stored_margin"], row["margin"]


def test_a_paper_of_the_band_whose_flag_holds_keeps_its_margin_and_still_flips_in_time(
    graph: Graph, tmp_path: Path
) -> None:
    """W1..W16 pair T1 and T2 (34 papers each), N = 62: g = -0.018, novel. W63 takes both
    (pair 17, topics 35, N 63): the pair's rise puts W1..W16 in the band, g = -0.003, still
    novel, so they keep the margin of 16 / 34 / 34 (no index entry moved); W64 (N 64) flips
    all 17 through N, found by the band from the kept margins."""
    works = [_work(n, ["T1", "T2"], "A1") for n in range(1, 17)]
    works += [_work(n, ["T1"], "A2") for n in range(17, 35)]
    works += [_work(n, ["T2"], "A3") for n in range(35, 53)]
    works += [_work(n, ["T3"], "A3") for n in range(53, 63)]
    _ingest(graph, tmp_path, "pairs", works)
    assert assert_novelty_is_exact(graph) == 16

    _ingest(graph, tmp_path, "pair", [_work(63, ["T1", "T2"], "A4")])

    assert assert_novelty_is_exact(graph) == 17
    assert _margins(graph, "W1") == (novelty.stored(novelty.pair_margin(16, 34, 34)),
                                     novelty.stored(novelty.pair_margin(17, 35, 35)))
    assert _margins(graph, "W63") == (novelty.stored(novelty.pair_margin(17, 35, 35)),) * 2

    _ingest(graph, tmp_path, "more", [_work(64, ["T3"], "A5")])

    assert assert_novelty_is_exact(graph) == 0
    assert not _corpus(graph)["stale"] and _corpus(graph)["n_min"] == 62  # no re-basing
    assert metrics_for(graph, ["A1"])["A1"].novel_works == 0


def test_a_plain_paper_of_the_band_keeps_a_margin_above_its_fresh_one_and_flips_in_time(
    graph: Graph, tmp_path: Path
) -> None:
    """W1..W16 pair T1 (16 papers) and T2 (34), N = 34: g = 0.075, not novel. W35 takes T1
    alone (T1 17, N 35): its rise puts W1..W16 in the band, g = 0.047, still not novel; their
    margin fell, so only the band's rule lets them keep the one of 16 / 16 / 34. W36 and W37
    take T1 too (N 37): all 16 become novel, found by the band from the kept margin."""
    works = [_work(n, ["T1", "T2"], "A1") for n in range(1, 17)]
    works += [_work(n, ["T2"], "A2") for n in range(17, 35)]
    _ingest(graph, tmp_path, "pairs", works)
    assert assert_novelty_is_exact(graph) == 0

    _ingest(graph, tmp_path, "topic", [_work(35, ["T1"], "A3")])

    assert assert_novelty_is_exact(graph) == 0
    assert _margins(graph, "W1") == (novelty.stored(novelty.pair_margin(16, 16, 34)),
                                     novelty.stored(novelty.pair_margin(16, 17, 34)))

    _ingest(graph, tmp_path, "more", [_work(n, ["T1"], "A3") for n in (36, 37)])

    assert assert_novelty_is_exact(graph) == 16
    assert not _corpus(graph)["stale"] and _corpus(graph)["n_min"] == 34  # no re-basing
    assert metrics_for(graph, ["A1"])["A1"].novel_works == 16


def _wrong_flags(graph: Graph) -> list[str]:
    """The papers whose stored novelty flag differs from a live computation."""
    return [row["id"] for row in graph.read("live_paper_novelty", atypical_npmi=ATYPICAL_NPMI,
                                            grid=novelty.MARGIN_GRID)
            if row["novel"] != row["stored_novel"]]


def _between_rebasing_chunks(graph: Graph, monkeypatch: pytest.MonkeyPatch,
                             works: list[dict[str, Any]]) -> None:
    """Re-base novelty one paper per chunk, and commit one batch of `works` (its transaction
    only, as a concurrent ingest would) right after the first chunk commits."""
    chunks: list[list[str]] = []
    committed: list[int] = []
    decide, write_transaction = novelty.decide, serial.write_transaction

    def deciding(tx: Transaction, paper_ids: list[str], **keeping: Any) -> novelty.Decided:
        chunks.append(paper_ids)
        return decide(tx, paper_ids, **keeping)

    def then_a_batch(graph_: Graph, work: Any) -> Any:
        result = write_transaction(graph_, work)
        if len(chunks) == 1 and not committed:
            committed.append(0)
            committed[0] = FORMATS["openalex"].write(graph, [parse_work(w) for w in works])
        return result

    monkeypatch.setattr(novelty, "decide", deciding)
    monkeypatch.setattr(serial, "write_transaction", then_a_batch)
    papers = novelty.rebase(graph, chunk=1)
    monkeypatch.undo()
    assert chunks[0] == ["W1"] and committed == [len(works)] and papers > 1


def test_a_batch_between_two_chunks_of_a_rebasing_counts_in_the_drift_that_follows(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """W1..W16 pair T1 and T2 (40 papers each), N = 69: h = 0.9 ln 16 - 2 ln 40, g = -0.225,
    novel. A re-basing decides W1 first; then a batch takes T1 from four of its papers (T1 40
    -> 36: W1's g -> -0.120, still novel; T1 fell by ln(40/36), so h can have risen by 2
    ln(40/36) = 0.211 < 0.225: outside that batch's band) and the re-basing decides the rest.
    Ten more papers (N 69 -> 79) move g by
    1.1 ln(79/69) = 0.149: W1 is no longer novel, though by its margin of before the batch
    (-0.076) it would still be. Reset after the re-decisions, the drift forgets the batch and
    the last band misses W1."""
    works = [_work(n, ["T1", "T2"], "A1" if n == 1 else "A2") for n in range(1, 17)]
    works += [_work(n, ["T1"], "A3") for n in range(17, 41)]
    works += [_work(n, ["T2"], "A4") for n in range(41, 65)]
    works += [_work(n, [f"T{1000 + n}"], "A5") for n in range(65, 70)]
    _ingest(graph, tmp_path, "pairs", works)
    assert assert_novelty_is_exact(graph) == 16

    _between_rebasing_chunks(graph, monkeypatch,
                             [_work(n, [f"T{2000 + n}"], "A3") for n in range(17, 21)])
    assert _wrong_flags(graph) == [] and not _corpus(graph)["stale"]

    _ingest(graph, tmp_path, "more", [_work(n, [f"T{1000 + n}"], "A5") for n in range(70, 80)])

    assert _wrong_flags(graph) == []
    assert assert_novelty_is_exact(graph) == 0
    assert metrics_for(graph, ["A1"])["A1"].novel_works == 0


def test_a_batch_that_asks_for_a_rebasing_during_one_leaves_novelty_stale(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    works = [_work(n, ["T1", "T2"], "A1") for n in range(1, 5)]
    _ingest(graph, tmp_path, "few", works)

    _between_rebasing_chunks(graph, monkeypatch,
                             [_work(n, ["T1", "T3"], "A2") for n in range(5, 9)])

    assert _corpus(graph)["stale"]  # N grew by ln 2 during the re-basing
    novelty.settle(graph)
    assert not _corpus(graph)["stale"]
    assert assert_novelty_is_exact(graph) == 0


def test_the_holders_of_pairs_are_the_papers_holding_both_topics_of_one(
    graph: Graph, tmp_path: Path
) -> None:
    """T1 is the smaller topic of two of the pairs (one expansion checks both); papers holding
    one topic of a pair, or both topics of no pair, or no pair at all, are not holders."""
    topics = [["T1", "T6"], ["T1", "T7"], ["T1"], ["T6", "T7"], ["T4", "T5"], ["T4"],
              ["T5", "T6"], ["T6", "T7", "T8"]] + [["T6"], ["T7"]] * 4
    _ingest(graph, tmp_path, "pairs", [_work(n, t, "A1") for n, t in enumerate(topics, 1)])

    holders = graph.read("readmodel/novelty_holders", topic_ids=["T4"],
                         pairs=[["T1", "T6"], ["T7", "T1"], ["T4", "T5"]])

    assert sorted(r["id"] for r in holders) == ["W1", "W2", "W5"]


@pytest.mark.parametrize("name, params", [
    ("readmodel/novelty_band", {"novel": [{"key": k, "margin": -7.6} for k in range(1, 32, 2)],
                                "plain": [{"key": k, "margin": -7.5} for k in range(0, 32, 2)],
                                "limit": 100}),
    ("readmodel/novelty_holders", {"topic_ids": ["T10965"], "pairs": [["T10965", "T11636"]]}),
    ("readmodel/pair_counts", {"paper_ids": ["W2741809807"]}),
    ("readmodel/novelty", {"paper_ids": ["W2741809807"], "loose_ids": [], "keep": True,
                           "pair_counts": {}, "atypical_npmi": ATYPICAL_NPMI,
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
