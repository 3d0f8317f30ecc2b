"""A venue's page through the API on idb03: papers (paged), top researchers and topic profile,
against figures computed from the raw file."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

from kg.db.graph import Graph
from testkit.oracle import Oracle, load_works
from tests.e2e.conftest import Api

PAPERS = """query ($id: ID!, $first: Int!, $after: String) { source(id: $id) {
  papers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id } } } } }"""


@cache
def _raw() -> tuple[Oracle, str, list[str]]:
    """The oracle, the source with most papers and its papers."""
    oracle = Oracle.from_works(load_works())
    papers: dict[str, list[str]] = defaultdict(list)
    for paper_id, source_id in oracle.paper_source.items():
        if source_id:
            papers[source_id].append(paper_id)
    biggest = max(papers, key=lambda s: (len(papers[s]), s))
    return oracle, biggest, papers[biggest]


def test_source_papers_page_most_cited_first(idb03_graph: Graph, api: Api) -> None:
    oracle, source_id, papers = _raw()
    expected = sorted(papers, key=lambda p: (-oracle.paper_citations[p], p))
    seen: list[str] = []
    after = None
    while True:
        found = api.data(PAPERS, id=source_id, first=6, after=after)["source"]["papers"]
        assert found["totalCount"] == len(expected)
        seen += [edge["node"]["id"] for edge in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = found["pageInfo"]["endCursor"]
    assert seen == expected


def test_source_top_researchers_and_topics_count_its_papers(idb03_graph: Graph, api: Api) -> None:
    oracle, source_id, papers = _raw()
    works: Counter[str] = Counter()
    citations: Counter[str] = Counter()
    for paper_id in papers:
        for author in oracle.paper_authors[paper_id]:
            works[author] += 1
            citations[author] += oracle.paper_citations[paper_id]
    expected = sorted(works, key=lambda a: (-works[a], -citations[a], a))[:5]
    per_field: Counter[str] = Counter()
    for paper_id in papers:
        per_field.update({oracle.subfield_field[oracle.topic_subfield[t]]
                          for t in oracle.paper_topics[paper_id]})
    query = """query ($id: ID!) { source(id: $id) {
      topResearchers(first: 5) { researcher { id } works citations }
      topics(level: "field", first: 3) { topic { id } works share } } }"""
    found = api.data(query, id=source_id)["source"]
    assert [(r["researcher"]["id"], r["works"], r["citations"])
            for r in found["topResearchers"]] == [(a, works[a], citations[a]) for a in expected]
    fields = sorted(per_field.items(), key=lambda pair: (-pair[1], pair[0]))[:3]
    assert [(s["topic"]["id"], s["works"], s["share"]) for s in found["topics"]] == [
        (field, n, n / len(papers)) for field, n in fields]


def test_source_lists_refuse_bad_arguments(idb03_graph: Graph, api: Api) -> None:
    _, source_id, _ = _raw()
    assert api.error_code(PAPERS, id=source_id, first=0) == "BAD_INPUT"
    assert api.error_code(PAPERS, id=source_id, first=2, after="x") == "BAD_INPUT"
    query = """query ($id: ID!) { source(id: $id) { topics(level: "x") { works } } }"""
    assert api.error_code(query, id=source_id) == "BAD_INPUT"


def test_nested_venue_lists_cost_the_same_for_5_or_40_papers(idb03_graph: Graph, api: Api) -> None:
    _, source_id, _ = _raw()
    query = """query ($id: ID!, $first: Int!) { source(id: $id) { papers(first: $first) {
      edges { node { source { name topResearchers(first: 2) { works }
        topics(first: 2) { works } papers(first: 2) { totalCount } } } } } } }"""
    counts = []
    for first in (5, 40):
        before = api.graph.queries_run
        edges = api.data(query, id=source_id, first=first)["source"]["papers"]["edges"]
        assert len(edges) == first
        counts.append(api.graph.queries_run - before)
    assert counts[0] == counts[1], counts
