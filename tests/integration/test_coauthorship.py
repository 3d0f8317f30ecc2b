"""Co-authorship services on the idb03 works, checked against testkit/oracle.py (built from the raw
file, not through kg) and a breadth-first search over the oracle's networkx co-author graph."""

from __future__ import annotations

import random
from collections import defaultdict

import networkx as nx
import pytest

from kg.coauthorship import (
    CLOSE_COLLABORATOR_MIN_WORKS,
    TOP_COAUTHORS,
    Coauthor,
    close_collaborators,
    close_collaborators_for,
    coauthor_cursor,
    coauthors_for,
    coauthors_of,
    collaboration_path,
    suggested_collaborators,
)
from kg.db.graph import Graph
from kg.errors import BadInput, NotFound
from kg.nodes import ALL
from testkit.datasets import IDB03_WORKS
from testkit.oracle import CoauthorStats, Oracle, load_works
from tests.plans import INDEX_SEEKS, SCANS, plan_operators

SEED = 20240604


@pytest.fixture(scope="module")
def oracle() -> Oracle:
    return Oracle.from_works(load_works(IDB03_WORKS))


@pytest.fixture(scope="module")
def coauthor_graph(oracle: Oracle) -> nx.Graph:
    return oracle.coauthor_graph()


@pytest.fixture(scope="module")
def expected_coauthors(oracle: Oracle) -> dict[str, dict[str, CoauthorStats]]:
    by_researcher: dict[str, dict[str, CoauthorStats]] = defaultdict(dict)
    for (a, b), stats in oracle.coauthors.items():
        by_researcher[a][b] = stats
        by_researcher[b][a] = stats
    return dict(by_researcher)


def _walk(graph: Graph, researcher_id: str, first: int) -> list[Coauthor]:
    seen: list[Coauthor] = []
    after = None
    while True:
        page = coauthors_of(graph, researcher_id, first=first, after=after)
        seen.extend(page.items)
        assert len(page.items) <= first
        if not page.has_next_page:
            return seen
        after = page.end_cursor


def _sort_key(c: Coauthor) -> tuple[int, int, str]:
    return (-c.shared_works, -(c.last_year if c.last_year is not None else -1), c.id)


def test_coauthor_lists_of_every_researcher_with_two_works_equal_the_raw_file(
    idb03_graph: Graph, oracle: Oracle, expected_coauthors
) -> None:
    researchers = [rid for rid, stats in oracle.researchers.items() if stats.works >= 2]
    assert len(researchers) > 500
    for rid in researchers:
        listed = _walk(idb03_graph, rid, first=25)
        got = {c.id: CoauthorStats(c.shared_works, c.first_year, c.last_year) for c in listed}
        assert len(got) == len(listed)
        assert got == expected_coauthors.get(rid, {}), rid
        assert listed == sorted(listed, key=_sort_key)


def test_pagination_walks_every_coauthor_exactly_once_in_order(
    idb03_graph: Graph, expected_coauthors
) -> None:
    hub = max(expected_coauthors, key=lambda rid: len(expected_coauthors[rid]))
    listed = _walk(idb03_graph, hub, first=3)
    assert sorted(c.id for c in listed) == sorted(expected_coauthors[hub])
    assert listed == sorted(listed, key=_sort_key)
    page = coauthors_of(idb03_graph, hub, first=3)
    assert page.total_count == len(expected_coauthors[hub])
    assert page.has_next_page
    resumed = coauthors_of(idb03_graph, hub, first=3, after=coauthor_cursor(page.items[1]))
    assert resumed.items[0] == page.items[2]


def test_batched_first_pages_equal_the_single_calls(
    idb03_graph: Graph, expected_coauthors
) -> None:
    ids = sorted(expected_coauthors, key=lambda rid: -len(expected_coauthors[rid]))[:20]
    pages = coauthors_for(idb03_graph, ids + ["A0000000000"], first=5)
    assert set(pages) == set(ids)
    for rid in ids:
        assert pages[rid] == coauthors_of(idb03_graph, rid, first=5)


def test_close_collaborators_share_at_least_two_works(
    idb03_graph: Graph, oracle: Oracle, expected_coauthors
) -> None:
    researchers = sorted(rid for rid, stats in oracle.researchers.items() if stats.works >= 2)
    found = close_collaborators_for(idb03_graph, researchers)
    for rid in researchers:
        expected = {other for other, stats in expected_coauthors.get(rid, {}).items()
                    if stats.works >= CLOSE_COLLABORATOR_MIN_WORKS}
        assert {c.id for c in found[rid]} == expected, rid
        assert list(found[rid]) == sorted(found[rid], key=_sort_key)
    assert close_collaborators(idb03_graph, researchers[0]) == found[researchers[0]]


def _random_pairs(oracle: Oracle, coauthor_graph: nx.Graph) -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    ids = sorted(oracle.researcher_ids)
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(150)]
    # Uniform pairs are mostly unconnected; half as many again are drawn inside one component.
    components = [sorted(c) for c in nx.connected_components(coauthor_graph) if len(c) > 2]
    for _ in range(150):
        component = rng.choice(components)
        pairs.append(tuple(rng.sample(component, 2)))
    return pairs


def test_collaboration_distances_equal_a_breadth_first_search(
    idb03_graph: Graph, oracle: Oracle, coauthor_graph: nx.Graph
) -> None:
    connected_pairs = 0
    for a, b in _random_pairs(oracle, coauthor_graph):
        distances = nx.single_source_shortest_path_length(coauthor_graph, a, cutoff=10)
        path = collaboration_path(idb03_graph, a, b, max_hops=10)
        if b not in distances:
            assert path is None, (a, b)
            continue
        connected_pairs += 1
        assert path is not None and path.length == distances[b], (a, b)
        assert [p.id for p in path.researchers][0::path.length] == [a, b]
        pairs = zip(path.researchers, path.researchers[1:], strict=False)
        for step, (x, y) in zip(path.steps, pairs, strict=True):
            assert (step.from_id, step.to_id) == (x.id, y.id)
            shared = {pid for pid, authors in oracle.paper_authors.items()
                      if x.id in authors and y.id in authors}
            assert {p.id for p in step.papers} == shared and shared
        if path.length > 1:
            assert collaboration_path(idb03_graph, a, b, max_hops=path.length - 1) is None
    assert connected_pairs >= 100


def test_a_researcher_is_at_distance_zero_from_themself(idb03_graph: Graph, oracle) -> None:
    rid = min(oracle.researcher_ids)
    path = collaboration_path(idb03_graph, rid, rid)
    assert path is not None
    assert (path.length, [r.id for r in path.researchers], path.steps) == (0, [rid], ())


def test_suggestions_are_unwritten_coauthors_of_coauthors_sharing_topics(
    idb03_graph: Graph, oracle: Oracle, coauthor_graph: nx.Graph
) -> None:
    """Through the stored top co-authors on both hops: the intermediates of a suggestion are the
    researcher's top co-authors who hold the candidate among their own top co-authors."""
    def top(rid: str) -> set[str]:
        ranked = sorted(coauthor_graph[rid],
                        key=lambda other: (-coauthor_graph[rid][other]["works"], other))
        return set(ranked[:TOP_COAUTHORS])

    topics_of: dict[str, set[str]] = defaultdict(set)
    papers_of: dict[str, set[str]] = defaultdict(set)
    for pid, authors in oracle.paper_authors.items():
        for rid in authors:
            topics_of[rid].update(oracle.paper_topics[pid])
            papers_of[rid].add(pid)
    hubs = sorted(coauthor_graph, key=lambda rid: (-coauthor_graph.degree[rid], rid))[:15]
    suggested_anyone = False
    for rid in hubs:
        suggestions = suggested_collaborators(idb03_graph, rid, first=20)
        scores = [s.score for s in suggestions]
        assert scores == sorted(scores, reverse=True)
        for s in suggestions:
            suggested_anyone = True
            assert not papers_of[rid] & papers_of[s.id]
            assert not coauthor_graph.has_edge(rid, s.id)
            assert {v.id for v in s.via} == {v for v in top(rid) if s.id in top(v)}
            for v in s.via:
                assert v.strength == min(coauthor_graph[rid][v.id]["works"],
                                         coauthor_graph[v.id][s.id]["works"])
            shared = topics_of[rid] & topics_of[s.id]
            assert {t.id for t in s.shared_topics} == shared and shared
            overlap = len(shared) / len(topics_of[rid] | topics_of[s.id])
            assert s.score == pytest.approx(sum(v.strength for v in s.via) * overlap)
    assert suggested_anyone


def test_unknown_researchers_are_not_found(idb03_graph: Graph, oracle: Oracle) -> None:
    known = min(oracle.researcher_ids)
    with pytest.raises(NotFound):
        coauthors_of(idb03_graph, "A0000000000")
    with pytest.raises(NotFound):
        close_collaborators(idb03_graph, "A0000000000")
    with pytest.raises(NotFound):
        collaboration_path(idb03_graph, known, "A0000000000")
    with pytest.raises(NotFound):
        collaboration_path(idb03_graph, "A0000000000", "A0000000000")
    with pytest.raises(NotFound):
        suggested_collaborators(idb03_graph, "A0000000000")


@pytest.mark.parametrize("cursor", ["not base64!", "bm90IGpzb24=", "WzEsMiwzXQ==",
                                    "eyJ3b3JrcyI6IjEiLCJyZWNlbmN5IjoxLCJpZCI6IkEifQ=="])
def test_a_malformed_cursor_is_bad_input(idb03_graph: Graph, oracle: Oracle, cursor) -> None:
    with pytest.raises(BadInput):
        coauthors_of(idb03_graph, min(oracle.researcher_ids), first=5, after=cursor)


@pytest.mark.parametrize("first", [0, 101, -1])
def test_a_page_size_outside_1_to_100_is_bad_input(idb03_graph: Graph, oracle, first) -> None:
    rid = min(oracle.researcher_ids)
    with pytest.raises(BadInput):
        coauthors_of(idb03_graph, rid, first=first)
    with pytest.raises(BadInput):
        suggested_collaborators(idb03_graph, rid, first=first)


@pytest.mark.parametrize("max_hops", [0, 11])
def test_max_hops_outside_1_to_10_is_bad_input(idb03_graph: Graph, oracle, max_hops) -> None:
    a, b = sorted(oracle.researcher_ids)[:2]
    with pytest.raises(BadInput):
        collaboration_path(idb03_graph, a, b, max_hops=max_hops)


def test_every_coauthorship_query_starts_from_an_index_seek(
    idb03_graph: Graph, expected_coauthors
) -> None:
    hub = max(expected_coauthors, key=lambda rid: len(expected_coauthors[rid]))
    other = sorted(expected_coauthors)[0]
    calls = {
        "coauthorship/coauthor_pages": {"requests": [{"researcher_id": hub, "after": None}],
                                        "limit": 26, "owner": True, "shown": ALL.parameter},
        "coauthorship/close_collaborators": {"researcher_ids": [hub], "min_shared_works": 2},
        "coauthorship/researcher_refs": {"researcher_ids": [hub, other]},
        "coauthorship/collaboration_path": {"from_id": hub, "to_id": other, "max_hops": 10},
        "coauthorship/suggested_collaborators_of_researchers": {"researcher_ids": [hub, other],
                                                                "limit": 10, "pool": 50},
    }
    for name, params in calls.items():
        operators = plan_operators(idb03_graph, name, **params)
        assert "NodeUniqueIndexSeek" in operators, (name, operators)
        assert set(operators) & INDEX_SEEKS and not set(operators) & SCANS, (name, operators)
