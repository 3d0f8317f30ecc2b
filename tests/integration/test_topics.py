"""Topic services against figures computed from the raw idb03 file (testkit/oracle.py)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import pytest

from kg import topics
from kg.db.graph import Graph
from kg.errors import BadInput, NotFound
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works


@pytest.fixture(scope="module")
def oracle() -> Oracle:
    return Oracle.from_works(load_works(IDB03_WORKS))


def ancestors_in_file(oracle: Oracle, topic_id: str) -> list[str]:
    subfield = oracle.topic_subfield[topic_id]
    field = oracle.subfield_field[subfield]
    return [subfield, field, oracle.field_domain[field]]


def walk_adjacency(graph: Graph, topic_id: str, first: int) -> list[topics.AdjacentTopic]:
    walked: list[topics.AdjacentTopic] = []
    after = None
    while True:
        page = topics.adjacent_topics(graph, topic_id, first=first, after=after)
        walked.extend(page.items)
        if not page.has_next_page:
            return walked
        after = page.end_cursor


def test_cooccurrence_counts_and_npmi_equal_the_raw_file_for_every_pair(
        idb03_graph: Graph, oracle: Oracle) -> None:
    papers_with_topics = sum(1 for t in oracle.paper_topics.values() if t)
    found: dict[tuple[str, str], int] = {}
    for topic_id in oracle.topic_ids:
        for edge in walk_adjacency(idb03_graph, topic_id, first=100):
            pair = tuple(sorted((topic_id, edge.topic.id)))
            found[pair] = edge.cooccurrences
            n_a, n_b = oracle.topic_works[topic_id], oracle.topic_works[edge.topic.id]
            n_ab, n = edge.cooccurrences, papers_with_topics
            npmi = math.log(n_ab * n / (n_a * n_b)) / -math.log(n_ab / n)
            assert edge.weight == pytest.approx(npmi)
    assert found == oracle.co_occurs


def test_adjacency_pages_walk_every_neighbour_once_in_order(
        idb03_graph: Graph, oracle: Oracle) -> None:
    degree = Counter(t for pair in oracle.co_occurs for t in pair)
    hub, neighbours = degree.most_common(1)[0]
    walked = walk_adjacency(idb03_graph, hub, first=7)
    ids = [edge.topic.id for edge in walked]
    assert len(ids) == len(set(ids)) == neighbours
    assert topics.adjacent_topics(idb03_graph, hub, first=3).total_count == neighbours
    keys = [(-e.cooccurrences, -e.weight, e.topic.id) for e in walked]
    assert keys == sorted(keys)


def test_a_cursor_that_was_not_issued_is_bad_input(idb03_graph: Graph, oracle: Oracle) -> None:
    some_topic = min(oracle.topic_ids)
    with pytest.raises(BadInput):
        topics.adjacent_topics(idb03_graph, some_topic, first=5, after="not-a-cursor")
    with pytest.raises(BadInput):
        topics.adjacent_topics(idb03_graph, some_topic, first=0)


def test_hierarchy_matches_the_raw_file_both_ways(idb03_graph: Graph, oracle: Oracle) -> None:
    ancestors = topics.topic_ancestors_for(idb03_graph, sorted(oracle.topic_ids))
    assert {t: [a.id for a in chain] for t, chain in ancestors.items()} == {
        t: ancestors_in_file(oracle, t) for t in oracle.topic_ids
    }
    assert [a.level for a in next(iter(ancestors.values()))] == ["subfield", "field", "domain"]
    children: dict[str, set[str]] = defaultdict(set)
    for child_to_parent in (oracle.topic_subfield, oracle.subfield_field, oracle.field_domain):
        for child, parent in child_to_parent.items():
            children[parent].add(child)
    for parent, expected in children.items():
        assert {c.id for c in topics.topic_children(idb03_graph, parent)} == expected
    assert topics.topic_children(idb03_graph, min(oracle.topic_ids)) == []


def works_under(oracle: Oracle, paper_id: str, level: str) -> set[str]:
    depth = {"topic": 0, "subfield": 1, "field": 2, "domain": 3}[level]
    return {ancestors_in_file(oracle, t)[depth - 1] if depth else t
            for t in oracle.paper_topics[paper_id]}


@pytest.mark.parametrize("level", ["topic", "subfield", "field", "domain"])
def test_topic_profile_shares_equal_an_independent_computation(
        idb03_graph: Graph, oracle: Oracle, level: str) -> None:
    papers_of: dict[str, list[str]] = defaultdict(list)
    for paper_id, authors in oracle.paper_authors.items():
        for author in authors:
            papers_of[author].append(paper_id)
    busiest = sorted(papers_of, key=lambda r: (-len(papers_of[r]), r))[:25]
    profiles = topics.topic_profiles_for(idb03_graph, busiest, level=level, first=100)
    for researcher in busiest:
        counts = Counter(t for p in papers_of[researcher] for t in works_under(oracle, p, level))
        expected = {t: n / len(papers_of[researcher]) for t, n in counts.items()}
        found = profiles[researcher]
        assert {s.topic.id: s.share for s in found} == pytest.approx(expected)
        assert all(s.topic.level == level for s in found)
        assert [s.works for s in found] == sorted((s.works for s in found), reverse=True)
    single = topics.topic_profile(idb03_graph, busiest[0], level=level, first=2)
    assert single == profiles[busiest[0]][:2]


def test_top_papers_and_researchers_of_a_topic_are_ranked_by_the_raw_file(
        idb03_graph: Graph, oracle: Oracle) -> None:
    topic_id = max(oracle.topic_ids, key=lambda t: (oracle.topic_works[t], t))
    papers = [p for p, ts in oracle.paper_topics.items() if topic_id in ts]
    expected_papers = sorted(
        papers, key=lambda p: (-oracle.paper_citations[p], -(oracle.paper_year[p] or 0), p))
    found = topics.top_papers(idb03_graph, topic_id, first=10)
    assert [p.id for p in found] == expected_papers[:10]
    assert [p.citations for p in found] == [oracle.paper_citations[p] for p in expected_papers[:10]]

    works: Counter[str] = Counter()
    citations: Counter[str] = Counter()
    for p in papers:
        for author in oracle.paper_authors[p]:
            works[author] += 1
            citations[author] += oracle.paper_citations[p]
    expected = sorted(works, key=lambda r: (-works[r], -citations[r], r))[:10]
    found_researchers = topics.top_researchers(idb03_graph, topic_id, first=10)
    assert [(r.id, r.works, r.citations) for r in found_researchers] == [
        (r, works[r], citations[r]) for r in expected
    ]


def test_papers_under_a_field_count_once_for_top_papers(idb03_graph: Graph, oracle: Oracle) -> None:
    field = max(oracle.field_ids)
    under = [p for p in oracle.paper_topics if field in works_under(oracle, p, "field")]
    found = topics.top_papers(idb03_graph, field, first=100)
    assert len(found) == min(100, len(under))
    assert len({p.id for p in found}) == len(found)
    assert {p.id for p in found} <= set(under)


def test_trending_topics_count_the_works_of_the_window(idb03_graph: Graph, oracle: Oracle) -> None:
    since = 2020
    recent = [p for p, year in oracle.paper_year.items() if year is not None and year >= since]
    for level in ("topic", "field"):
        counts = Counter(t for p in recent for t in works_under(oracle, p, level))
        expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
        found = topics.trending_topics(idb03_graph, since_year=since, first=10, level=level)
        assert [(t.topic.id, t.works) for t in found] == expected


def test_unknown_topics_and_researchers_are_not_found(idb03_graph: Graph) -> None:
    for call in (
        lambda: topics.topic(idb03_graph, "T0"),
        lambda: topics.adjacent_topics(idb03_graph, "T0"),
        lambda: topics.topic_ancestors(idb03_graph, "T0"),
        lambda: topics.topic_children(idb03_graph, "T0"),
        lambda: topics.top_papers(idb03_graph, "T0"),
        lambda: topics.top_researchers(idb03_graph, "T0"),
        lambda: topics.topic_profile(idb03_graph, "A0"),
    ):
        with pytest.raises(NotFound):
            call()
    with pytest.raises(BadInput):
        topics.topic_profile(idb03_graph, "A0", level="galaxy")
