"""Each topic's stored top papers (the first kg.topics.TOP_TOPIC_PAPERS on it or under it by
citations, year, id) equal a ranking computed straight from the raw works: after an ingest, after
a re-ingest of an overlapping file whose records lose citations and topics, after batches that
push a paper into a full list and out of it again, and after `kg derive --full`. The topic page
reads its top papers from that list: the same answers as the count over the topic's subtree, at
a cost that does not grow with the topic's papers.

The tests that start from the first 600 or 900 idb03 works in batches of 150 start from the run's
snapshot of that ingest (tests/conftest.py `load_idb03_prefix`)."""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from kg import cli, topics
from kg.config import Settings
from kg.db.graph import Graph
from kg.ingest import derive, readmodel
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.nodes import ALL
from kg.topics import TOP_TOPIC_PAPERS
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works
from tests.conftest import load_idb03_prefix
from tests.plans import db_hits

Tops = dict[str, tuple[list[str], list[int], list[int]]]


def raw_tops(works: list[dict[str, Any]]) -> Tops:
    """The ranking from the raw works: per topic of any level, the papers on it or under it by
    citations (descending), year (newest first, none as 0), then id, the first
    TOP_TOPIC_PAPERS."""
    oracle = Oracle.from_works(works)
    parent = {**oracle.topic_subfield, **oracle.subfield_field, **oracle.field_domain}
    under: dict[str, set[str]] = defaultdict(set)
    for paper, on in oracle.paper_topics.items():
        for topic in on:
            while topic is not None:
                under[topic].add(paper)
                topic = parent.get(topic)
    tops = {}
    for topic, papers in under.items():
        ranked = sorted(papers, key=lambda p: (-oracle.paper_citations[p],
                                               -(oracle.paper_year[p] or 0), p))
        ranked = ranked[:TOP_TOPIC_PAPERS]
        tops[topic] = (ranked, [oracle.paper_citations[p] for p in ranked],
                       [oracle.paper_year[p] or 0 for p in ranked])
    return tops


def stored_tops(graph: Graph) -> Tops:
    return {row["id"]: (row["ids"], row["citations"], row["years"])
            for row in graph.read("stored_top_papers") if row["ids"] is not None}


def stored_top_coauthors(graph: Graph) -> dict[str, tuple[list[str], list[int]]]:
    return {row["id"]: (row["ids"], row["works"]) for row in graph.read("stored_top_coauthors")
            if row["ids"] is not None}


def _ingest(graph: Graph, tmp_path: Path, name: str, works: list[dict[str, Any]]) -> None:
    path = tmp_path / f"{name}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for work in works:
            out.write(json.dumps(work) + "\n")
    report = ingest_file(graph, path, FORMATS["openalex"], 150, tmp_path / f"{name}.rejects")
    assert report.rejected == 0


def _changed(work: dict[str, Any], number: int) -> dict[str, Any]:
    """The same work as a later export might give it: every other one reported uncited, every
    third one keeping only its first topic."""
    work = json.loads(json.dumps(work))
    if number % 2 == 0:
        work["cited_by_count"] = 0
    if number % 3 == 0:
        work["topics"] = (work.get("topics") or [])[:1]
    return work


def _short(url: str) -> str:
    return url.rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def works() -> list[dict[str, Any]]:
    return load_works(IDB03_WORKS)


def test_every_topics_stored_top_papers_equal_the_raw_ranking_after_an_ingest(
        idb03_graph: Graph, works: list[dict[str, Any]]) -> None:
    expected = raw_tops(works)
    assert max(len(ids) for ids, _, _ in expected.values()) == TOP_TOPIC_PAPERS
    assert stored_tops(idb03_graph) == expected


def test_stored_top_papers_stay_exact_when_an_overlapping_file_changes_records(
        graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    works = works[:900]
    changed = [_changed(w, n) for n, w in enumerate(works[300:600])]
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    assert stored_tops(graph) == raw_tops(works[:600])
    _ingest(graph, tmp_path, "second", changed + works[600:])
    assert stored_tops(graph) == raw_tops(works[:300] + changed + works[600:])

    graph.write("forget_stored_figures")
    derive.rebuild_all(graph)
    assert stored_tops(graph) == raw_tops(works[:300] + changed + works[600:])


def test_schema_apply_counts_the_rankings_a_store_from_before_them_lacks(
        graph: Graph, settings: Settings, works: list[dict[str, Any]],
        tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    papers = stored_tops(graph)
    coauthors = stored_top_coauthors(graph)
    assert papers == raw_tops(works[:600]) and coauthors
    graph.write("forget_rankings")

    capsys.readouterr()
    assert cli.schema_apply(argparse.Namespace(json=True), settings) == 0
    assert json.loads(capsys.readouterr().out)["rankings_counted"] == {
        "topics": len(papers), "researchers": len(coauthors)}
    assert stored_tops(graph) == papers
    assert stored_top_coauthors(graph) == coauthors
    assert readmodel.store_missing_rankings(graph) == (0, 0)


def test_a_paper_pushed_into_a_full_list_and_out_again_keeps_every_list_exact(
        graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    works = works[:900]
    load_idb03_prefix(graph, tmp_path_factory, 900, 150)
    before = raw_tops(works)
    assert stored_tops(graph) == before
    full = sorted(t for t, (ids, _, _) in before.items() if len(ids) == TOP_TOPIC_PAPERS)
    assert full, "some topic holds more papers than its list"
    topic = full[0]
    outside = next(w for w in works if _short(w["id"]) not in before[topic][0]
                   and topic in {t for t, found in raw_tops([w]).items() if found[0]})
    lifted = dict(outside, cited_by_count=before[topic][1][0] + 1)

    _ingest(graph, tmp_path, "push", [lifted])
    pushed = raw_tops(works + [lifted])
    assert pushed[topic][0][0] == _short(outside["id"])
    assert stored_tops(graph) == pushed

    dropped = dict(lifted, cited_by_count=0, topics=[], primary_topic=None)
    _ingest(graph, tmp_path, "pull", [dropped])
    pulled = raw_tops(works + [dropped])
    assert _short(outside["id"]) not in pulled[topic][0]
    assert len(pulled[topic][0]) == TOP_TOPIC_PAPERS
    assert stored_tops(graph) == pulled


def test_the_top_papers_read_from_the_stored_lists_equal_the_count_over_each_subtree(
        idb03_graph: Graph) -> None:
    topic_ids = sorted(row["id"] for row in idb03_graph.read("stored_top_papers"))
    for first in (1, 10, TOP_TOPIC_PAPERS):
        stored = idb03_graph.read("topics/top_papers_of_topics", topic_ids=topic_ids, first=first,
                                  shown=ALL.parameter)
        counted = idb03_graph.read("topics/top_papers_counted", topic_ids=topic_ids, first=first,
                                   shown=ALL.parameter)
        assert sorted(stored, key=lambda r: r["of_id"]) == sorted(counted,
                                                                  key=lambda r: r["of_id"])


def test_a_page_longer_than_the_stored_list_is_counted_from_the_subtree(
        idb03_graph: Graph, settings: Settings) -> None:
    biggest = max(stored_tops(idb03_graph).items(), key=lambda item: len(item[1][0]))[0]
    longer = TOP_TOPIC_PAPERS + 1
    wider = Graph(dataclasses.replace(settings, max_page_size=longer), idb03_graph.queries)
    try:
        found = topics.top_papers(wider, biggest, longer)
    finally:
        wider.close()
    assert len(found) == longer
    assert [p.id for p in found[:TOP_TOPIC_PAPERS]] == stored_tops(idb03_graph)[biggest][0]


def test_the_top_papers_of_a_domain_cost_what_those_of_a_small_topic_cost(
        idb03_graph: Graph) -> None:
    """The read seeks the papers it shows: its db hits do not grow with the topic's papers,
    while the count over the subtree reads every one of them."""
    papers = {row["id"]: row["papers"] for row in idb03_graph.read("live_topic_papers_under")}
    small = min((t for t, n in papers.items() if n >= 10), key=lambda t: (papers[t], t))
    large = max(papers, key=lambda t: (papers[t], t))
    assert papers[large] >= 20 * papers[small]
    stored = {t: db_hits(idb03_graph, "topics/top_papers_of_topics", topic_ids=[t], first=10,
                         shown=ALL.parameter)
              for t in (small, large)}
    counted = db_hits(idb03_graph, "topics/top_papers_counted", topic_ids=[large], first=10,
                      shown=ALL.parameter)
    assert stored[large] <= 1.5 * stored[small], stored
    assert counted >= papers[large] > stored[large], (counted, stored)


def test_counting_or_moving_the_tops_of_an_unknown_topic_writes_nothing(graph: Graph) -> None:
    graph.write("readmodel/top_papers", topic_ids=["T-unknown"], keep=TOP_TOPIC_PAPERS)
    graph.write("readmodel/move_top_papers", paper_ids=["W-unknown"], topic_ids=["T-unknown"],
                joined_ids=["T-unknown"], keep=TOP_TOPIC_PAPERS)
    assert graph.read("count_nodes")[0]["nodes"] == 0
