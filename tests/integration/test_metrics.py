"""Researcher metrics on the idb03 works, checked against testkit/oracle.py (built from the raw
file, not through kg); novelty against an NPMI computation written here."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict

import pytest

from kg.db.graph import Graph
from kg.errors import NotFound
from kg.metrics import ATYPICAL_NPMI, metrics_for, researcher_metrics
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works
from tests.plans import INDEX_SEEKS, SCANS, plan_operators


@pytest.fixture(scope="module")
def oracle() -> Oracle:
    return Oracle.from_works(load_works(IDB03_WORKS))


@pytest.fixture(scope="module")
def papers_of(oracle: Oracle) -> dict[str, list[str]]:
    papers: dict[str, list[str]] = defaultdict(list)
    for pid, authors in oracle.paper_authors.items():
        for rid in authors:
            papers[rid].append(pid)
    return papers


def _novel_papers(oracle: Oracle) -> set[str]:
    """Papers with a topic pair whose NPMI over the papers that have topics is below the cut."""
    n = sum(1 for topics in oracle.paper_topics.values() if topics)

    def npmi(a: str, b: str) -> float:
        together = oracle.co_occurs[tuple(sorted((a, b)))]
        if together == n:
            return 1.0
        pmi = math.log(together * n / (oracle.topic_works[a] * oracle.topic_works[b]))
        return pmi / -math.log(together / n)

    return {
        pid for pid, topics in oracle.paper_topics.items()
        if any(npmi(a, b) < ATYPICAL_NPMI for a, b in itertools.combinations(topics, 2))
    }


def test_metrics_of_every_researcher_with_two_works_equal_the_raw_file(
    idb03_graph: Graph, oracle: Oracle, papers_of
) -> None:
    researchers = sorted(rid for rid, stats in oracle.researchers.items() if stats.works >= 2)
    found = metrics_for(idb03_graph, researchers)
    assert set(found) == set(researchers)
    close: dict[str, int] = defaultdict(int)
    for (a, b), stats in oracle.coauthors.items():
        if stats.works >= 2:
            close[a] += 1
            close[b] += 1
    for rid in researchers:
        expected, got = oracle.researchers[rid], found[rid]
        assert (got.works, got.citations, got.h_index, got.i10_index) == (
            expected.works, expected.citations, expected.h_index, expected.i10_index), rid
        years = [oracle.paper_year[p] for p in papers_of[rid] if oracle.paper_year[p] is not None]
        assert (got.first_year, got.last_year) == (min(years, default=None),
                                                   max(years, default=None))
        assert got.topics == len({t for p in papers_of[rid] for t in oracle.paper_topics[p]})
        assert got.close_collaborators == close[rid]
        assert got.followers == 0


def test_novelty_is_the_share_of_works_with_an_atypical_topic_pair(
    idb03_graph: Graph, oracle: Oracle, papers_of
) -> None:
    novel = _novel_papers(oracle)
    assert 0 < len(novel) < len(oracle.paper_ids)
    found = metrics_for(idb03_graph, sorted(oracle.researcher_ids))
    assert set(found) == oracle.researcher_ids
    for rid, got in found.items():
        expected_novel = sum(1 for p in papers_of[rid] if p in novel)
        assert got.novel_works == expected_novel, rid
        assert 0.0 <= got.novelty <= 1.0
        assert got.novelty == pytest.approx(expected_novel / len(papers_of[rid]))
    assert any(0.0 < m.novelty < 1.0 for m in found.values())


def test_single_metrics_equal_the_batch(idb03_graph: Graph, oracle: Oracle) -> None:
    top = sorted(oracle.researchers, key=lambda rid: (-oracle.researchers[rid].works, rid))[:5]
    batch = metrics_for(idb03_graph, top + ["A0000000000"])
    assert set(batch) == set(top)
    for rid in top:
        assert researcher_metrics(idb03_graph, rid) == batch[rid]


def test_an_unknown_researcher_has_no_metrics(idb03_graph: Graph) -> None:
    with pytest.raises(NotFound):
        researcher_metrics(idb03_graph, "A0000000000")


def test_the_metrics_query_starts_from_index_seeks(idb03_graph: Graph, oracle: Oracle) -> None:
    rid = max(oracle.researchers, key=lambda r: oracle.researchers[r].works)
    operators = plan_operators(idb03_graph, "metrics/researcher_metrics", researcher_ids=[rid])
    assert "NodeUniqueIndexSeek" in operators, operators
    assert set(operators) & INDEX_SEEKS and not set(operators) & SCANS, operators
