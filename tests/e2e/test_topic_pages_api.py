"""A topic's pages through the API on idb03: every paper and researcher under it (paged, not only
the top N) and trending topics over a window, against figures computed from the raw file."""

from __future__ import annotations

from collections import Counter
from functools import cache

from kg import topics
from kg.db.graph import Graph
from testkit.oracle import Oracle, load_works
from tests.e2e.conftest import Api

PAPERS = """query ($id: ID!, $first: Int!, $after: String) { topic(id: $id) {
  papers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id } } } } }"""

RESEARCHERS = """query ($id: ID!, $first: Int!, $after: String) { topic(id: $id) {
  researchers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { works node { id } } } } }"""


@cache
def _oracle() -> Oracle:
    return Oracle.from_works(load_works())


def _under(oracle: Oracle, paper_id: str) -> set[str]:
    """The topic, subfield, field and domain ids a paper falls under."""
    found = set()
    for topic in oracle.paper_topics[paper_id]:
        subfield = oracle.topic_subfield[topic]
        field = oracle.subfield_field[subfield]
        found |= {topic, subfield, field, oracle.field_domain[field]}
    return found


def _walk(api: Api, query: str, field: str, topic_id: str, first: int) -> tuple[list[dict], int]:
    edges: list[dict] = []
    after = None
    while True:
        found = api.data(query, id=topic_id, first=first, after=after)["topic"][field]
        edges += found["edges"]
        if not found["pageInfo"]["hasNextPage"]:
            return edges, found["totalCount"]
        after = found["pageInfo"]["endCursor"]


def test_topic_papers_page_through_every_paper_under_a_subfield(
    idb03_graph: Graph, api: Api
) -> None:
    oracle = _oracle()
    per_subfield = Counter(oracle.topic_subfield[t] for p in oracle.paper_ids
                           for t in {*oracle.paper_topics[p]})
    subfield = per_subfield.most_common(1)[0][0]
    papers = [p for p in oracle.paper_ids if subfield in _under(oracle, p)]
    expected = sorted(papers, key=lambda p: (-oracle.paper_citations[p], p))
    assert len(expected) > 50
    edges, total = _walk(api, PAPERS, "papers", subfield, first=50)
    assert [e["node"]["id"] for e in edges] == expected
    assert total == len(expected)


def test_topic_researchers_page_by_their_works_under_it(idb03_graph: Graph, api: Api) -> None:
    oracle = _oracle()
    topic = max(oracle.topic_works, key=lambda t: (oracle.topic_works[t], t))
    works: Counter[str] = Counter()
    for paper_id in oracle.paper_ids:
        if topic in oracle.paper_topics[paper_id]:
            works.update(oracle.paper_authors[paper_id])
    expected = sorted(works.items(), key=lambda pair: (-pair[1], pair[0]))
    edges, total = _walk(api, RESEARCHERS, "researchers", topic, first=40)
    assert [(e["node"]["id"], e["works"]) for e in edges] == expected
    assert total == len(expected)


def test_trending_topics_count_works_in_the_window(idb03_graph: Graph, api: Api) -> None:
    oracle = _oracle()
    query = """query ($since: Int!) { trendingTopics(sinceYear: $since, level: "field", first: 4) {
      topic { id level } works } }"""
    for since in (2015, 2022):
        per_field: Counter[str] = Counter()
        for paper_id, year in oracle.paper_year.items():
            if year is not None and year >= since:
                per_field.update(f for f in _under(oracle, paper_id)
                                 if f in oracle.field_domain)
        expected = sorted(per_field.items(), key=lambda pair: (-pair[1], pair[0]))[:4]
        found = api.data(query, since=since)["trendingTopics"]
        assert [(t["topic"]["id"], t["works"]) for t in found] == expected
        assert {t["topic"]["level"] for t in found} == {"field"}


def test_topic_pages_refuse_bad_arguments(idb03_graph: Graph, api: Api) -> None:
    topic = max(_oracle().topic_works, key=lambda t: (_oracle().topic_works[t], t))
    assert api.error_code(PAPERS, id=topic, first=0) == "BAD_INPUT"
    assert api.error_code(RESEARCHERS, id=topic, first=3, after="zz") == "BAD_INPUT"
    query = """{ trendingTopics(sinceYear: 2020, level: "galaxy") { works } }"""
    assert api.error_code(query) == "BAD_INPUT"


def test_nested_topic_pages_cost_the_same_for_5_or_40_papers(
    idb03_graph: Graph, api: Api
) -> None:
    topic = max(_oracle().topic_works, key=lambda t: (_oracle().topic_works[t], t))
    query = """query ($id: ID!, $first: Int!) { topic(id: $id) { papers(first: $first) {
      edges { node { topics { topic { papers(first: 2) { totalCount }
        researchers(first: 2) { edges { works } } } } } } } } }"""
    counts = []
    for first in (5, 40):
        before = api.graph.queries_run
        edges = api.data(query, id=topic, first=first)["topic"]["papers"]["edges"]
        assert len(edges) == first
        counts.append(api.graph.queries_run - before)
    assert counts[0] == counts[1], counts


def test_topic_neighbours_children_and_tops_cost_queries_per_level_not_per_topic(
    idb03_graph: Graph, api: Api
) -> None:
    query = """query ($first: Int!, $level: String!) {
      trendingTopics(sinceYear: 1900, level: $level, first: $first) { topic { id
        children { id } adjacentTopics(first: 2) { totalCount edges { weight node { id } } }
        topPapers(first: 2) { id } topResearchers(first: 2) { works } } } }"""
    for level in ("topic", "subfield"):
        counts = []
        for first in (5, 50):
            before = api.graph.queries_run
            found = api.data(query, first=first, level=level)["trendingTopics"]
            assert len(found) == first
            counts.append(api.graph.queries_run - before)
        # One batch per level, but a level's loads can land in two batches when some items reach
        # it a loop turn later (an empty list loads without waiting): bounded, never one per item.
        assert counts[1] <= 2 * counts[0] < 50, (level, counts)


def test_batched_topic_fields_equal_the_single_topic_services(
    idb03_graph: Graph, api: Api
) -> None:
    query = """query ($id: ID!) { topic(id: $id) { children { id }
      adjacentTopics(first: 5) { totalCount edges { cooccurrences weight node { id } } }
      topPapers(first: 5) { id } topResearchers(first: 5) { researcher { id } works } } }"""
    for topic_id in ("T10399", "subfields/1907"):
        found = api.data(query, id=topic_id)["topic"]
        assert [c["id"] for c in found["children"]] == [
            t.id for t in topics.topic_children(idb03_graph, topic_id)]
        adjacent = topics.adjacent_topics(idb03_graph, topic_id, 5)
        assert found["adjacentTopics"]["totalCount"] == adjacent.total_count
        assert [(e["node"]["id"], e["cooccurrences"], e["weight"])
                for e in found["adjacentTopics"]["edges"]] == [
            (a.topic.id, a.cooccurrences, a.weight) for a in adjacent.items]
        assert [p["id"] for p in found["topPapers"]] == [
            p.id for p in topics.top_papers(idb03_graph, topic_id, 5)]
        assert [(r["researcher"]["id"], r["works"]) for r in found["topResearchers"]] == [
            (r.id, r.works) for r in topics.top_researchers(idb03_graph, topic_id, 5)]
