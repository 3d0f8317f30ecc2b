"""The topic map (kg.topics.topic_map) against figures computed from the raw idb03 file."""

from __future__ import annotations

from collections import Counter

import pytest

from kg import topics
from kg.db.graph import Graph
from kg.errors import BadInput, NotFound
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works


@pytest.fixture(scope="module")
def oracle() -> Oracle:
    return Oracle.from_works(load_works(IDB03_WORKS))


def test_graph_map_holds_the_topics_most_papers_carry_with_their_links_among_them(
        idb03_graph: Graph, oracle: Oracle) -> None:
    found = topics.topic_map(idb03_graph, first=30)
    ranked = sorted(oracle.topic_works.items(), key=lambda kv: (-kv[1], kv[0]))[:30]
    assert [(t.id, t.papers) for t in found.topics] == ranked
    shown = {t.id for t in found.topics}
    expected_links = {pair: n for pair, n in oracle.co_occurs.items() if set(pair) <= shown}
    assert {(link.source, link.target): link.cooccurrences for link in found.links} \
        == expected_links
    assert all(-1 < link.weight <= 1 for link in found.links)


def test_every_map_topic_carries_its_field_and_domain_from_the_hierarchy(
        idb03_graph: Graph, oracle: Oracle) -> None:
    found = topics.topic_map(idb03_graph, first=10)
    names = {t.id: t.name for t in found.topics}
    assert all(names.values())
    for topic in found.topics:
        field = oracle.subfield_field[oracle.topic_subfield[topic.id]]
        field_topic = topics.topic(idb03_graph, field)
        domain_topic = topics.topic(idb03_graph, oracle.field_domain[field])
        assert (topic.field, topic.domain) == (field_topic.name, domain_topic.name)
        assert topic.subfield == topics.topic(idb03_graph, oracle.topic_subfield[topic.id]).name


def test_researcher_map_sizes_topics_by_that_researchers_works(
        idb03_graph: Graph, oracle: Oracle) -> None:
    researcher = max(oracle.researchers, key=lambda r: (oracle.researchers[r].works, r))
    works = Counter(t for paper, authors in oracle.paper_authors.items() if researcher in authors
                    for t in set(oracle.paper_topics[paper]))
    found = topics.topic_map(idb03_graph, researcher, first=12)
    assert [(t.id, t.papers) for t in found.topics] \
        == sorted(works.items(), key=lambda kv: (-kv[1], kv[0]))[:12]


def test_map_of_an_unknown_researcher_is_not_found(idb03_graph: Graph) -> None:
    with pytest.raises(NotFound):
        topics.topic_map(idb03_graph, "A0", first=10)


def test_map_size_outside_the_page_limits_is_bad_input(idb03_graph: Graph) -> None:
    with pytest.raises(BadInput):
        topics.topic_map(idb03_graph, first=0)
    with pytest.raises(BadInput):
        topics.topic_map(idb03_graph, first=10_000)


def test_map_of_an_empty_graph_is_empty(graph: Graph) -> None:
    assert topics.topic_map(graph) == topics.TopicMap(topics=(), links=())
