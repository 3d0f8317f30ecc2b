"""Citations through the API on idb03: a paper's references and citing papers (paged), and
citations per year of papers and researchers, against figures computed from the raw file."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from typing import Any

from kg.db.graph import Graph
from testkit.oracle import Oracle, load_works, work_id
from tests.e2e.conftest import Api

REFERENCES = """query ($id: ID!, $first: Int!, $after: String) { paper(id: $id) {
  references(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id citations } } } } }"""

CITED_BY = """query ($id: ID!, $first: Int!, $after: String) { paper(id: $id) {
  citedBy(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id date } } } } }"""


@cache
def _raw() -> tuple[Oracle, dict[str, dict]]:
    works = load_works()
    return Oracle.from_works(works), {work_id(w): w for w in works}


def _walk(api: Api, query: str, field: str, paper_id: str, first: int) -> tuple[list[str], int]:
    """Every node id of a connection, page by page; also the totalCount of the first page."""
    seen: list[str] = []
    after = None
    total = None
    while True:
        found = api.data(query, id=paper_id, first=first, after=after)["paper"][field]
        total = found["totalCount"] if total is None else total
        assert found["totalCount"] == total
        seen += [edge["node"]["id"] for edge in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            return seen, total
        after = found["pageInfo"]["endCursor"]


def _in_graph_by_year(oracle: Oracle, cited: set[str]) -> dict[int, int]:
    counts: Counter[int] = Counter()
    for citing, target in oracle.cites:
        if target in cited and oracle.paper_year[citing] is not None:
            counts[oracle.paper_year[citing]] += 1
    return dict(counts)


def _reported_by_year(works: list[dict[str, Any]]) -> dict[int, int]:
    counts: Counter[int] = Counter()
    for work in works:
        for entry in work.get("counts_by_year") or []:
            counts[entry["year"]] += entry["cited_by_count"]
    return dict(counts)


def _expected_years(in_graph: dict[int, int], reported: dict[int, int]) -> list[dict]:
    return [{"year": year, "inGraph": in_graph.get(year, 0), "reported": reported.get(year)}
            for year in sorted(in_graph.keys() | reported.keys())]


def test_references_page_through_the_cited_works_in_the_file_most_cited_first(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, _ = _raw()
    references: dict[str, list[str]] = defaultdict(list)
    for citing, cited in oracle.cites:
        references[citing].append(cited)
    paper_id = max(references, key=lambda p: (len(references[p]), p))
    expected = sorted(references[paper_id], key=lambda p: (-oracle.paper_citations[p], p))
    assert len(expected) > 7
    seen, total = _walk(api, REFERENCES, "references", paper_id, first=3)
    assert seen == expected
    assert total == len(expected)


def test_cited_by_pages_through_the_citing_works_in_the_file_newest_first(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, by_id = _raw()
    citing: dict[str, list[str]] = defaultdict(list)
    for source, cited in oracle.cites:
        citing[cited].append(source)
    paper_id = max(citing, key=lambda p: (len(citing[p]), p))
    newest_first = sorted(citing[paper_id], key=lambda p: p)
    newest_first.sort(key=lambda p: by_id[p].get("publication_date") or "", reverse=True)
    assert len(newest_first) > 7
    seen, total = _walk(api, CITED_BY, "citedBy", paper_id, first=4)
    assert seen == newest_first
    assert total == len(newest_first)
    reported = api.data("query ($id: ID!) { paper(id: $id) { citedByCount citations } }",
                        id=paper_id)["paper"]
    assert reported["citedByCount"] == by_id[paper_id]["cited_by_count"]
    assert reported["citations"] == max(reported["citedByCount"], total)


def test_a_paper_without_citations_has_empty_connections(idb03_graph: Graph, api: Api) -> None:
    oracle, _ = _raw()
    linked = {p for pair in oracle.cites for p in pair}
    lonely = min(oracle.paper_ids - linked)
    for query, field in ((REFERENCES, "references"), (CITED_BY, "citedBy")):
        found = api.data(query, id=lonely, first=5)["paper"][field]
        assert found == {"totalCount": 0, "edges": [],
                         "pageInfo": {"hasNextPage": False, "endCursor": None}}


def test_citations_by_year_of_a_paper_keep_the_in_graph_and_reported_counts_apart(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, by_id = _raw()
    cited_in_file = Counter(cited for _, cited in oracle.cites)
    query = "query ($id: ID!) { paper(id: $id) { citationsByYear { year inGraph reported } } }"
    for paper_id, _ in cited_in_file.most_common(3):
        found = api.data(query, id=paper_id)["paper"]["citationsByYear"]
        expected = _expected_years(_in_graph_by_year(oracle, {paper_id}),
                                   _reported_by_year([by_id[paper_id]]))
        assert found == expected
        assert any(y["reported"] is not None for y in found)


def test_citations_by_year_of_a_researcher_sum_over_their_works(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, by_id = _raw()
    works_of: dict[str, set[str]] = defaultdict(set)
    for paper_id, authors in oracle.paper_authors.items():
        for author in authors:
            works_of[author].add(paper_id)
    query = """query ($id: ID!) { researcher(id: $id) {
      citationsByYear { year inGraph reported } } }"""
    cited = {cited for _, cited in oracle.cites}
    ranked = sorted(works_of, key=lambda a: (-len(works_of[a] & cited), a))
    for researcher_id in ranked[:3]:
        found = api.data(query, id=researcher_id)["researcher"]["citationsByYear"]
        papers = works_of[researcher_id]
        expected = _expected_years(_in_graph_by_year(oracle, papers),
                                   _reported_by_year([by_id[p] for p in papers]))
        assert found == expected


def test_citation_pages_refuse_a_foreign_cursor_and_a_bad_page_size(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, _ = _raw()
    paper_id = next(iter(sorted(oracle.cites)))[1]
    cited_by_cursor = api.data(CITED_BY, id=paper_id, first=1)["paper"]["citedBy"]["edges"][0][
        "cursor"]
    assert api.error_code(REFERENCES, id=paper_id, first=1, after=cited_by_cursor) == "BAD_INPUT"
    assert api.error_code(CITED_BY, id=paper_id, first=1, after="not-a-cursor") == "BAD_INPUT"
    assert api.error_code(CITED_BY, id=paper_id, first=0) == "BAD_INPUT"


def test_nested_citations_cost_queries_per_level_not_per_paper(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, _ = _raw()
    most_cited = Counter(cited for _, cited in oracle.cites).most_common(1)[0][0]
    query = """query ($id: ID!, $first: Int!) { paper(id: $id) { citedBy(first: $first) {
      edges { node { id citationsByYear { year inGraph }
        references(first: 3) { totalCount edges { node { title citedBy(first: 2) { totalCount }
          citationsByYear { year } similar(first: 2) { score } } } }
        citedBy(first: 3) { totalCount } } } } } }"""
    counts = []
    for first in (5, 50):
        before = api.graph.queries_run
        edges = api.data(query, id=most_cited, first=first)["paper"]["citedBy"]["edges"]
        assert len(edges) == first
        counts.append(api.graph.queries_run - before)
    # One batch per level, but a level's loads can land in two batches when some items reach
    # it a loop turn later (an empty list loads without waiting): bounded, never one per item.
    assert counts[1] <= 2 * counts[0] < 40, counts


def test_similar_papers_score_co_citation_coupling_and_shared_topics(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, _ = _raw()
    cited_by: dict[str, set[str]] = defaultdict(set)
    refs: dict[str, set[str]] = defaultdict(set)
    for citing, cited in oracle.cites:
        cited_by[cited].add(citing)
        refs[citing].add(cited)
    paper_id = Counter(cited for _, cited in oracle.cites).most_common(1)[0][0]
    figures: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for citing in cited_by[paper_id]:
        for other in refs[citing] - {paper_id}:
            figures[other][0] += 1
    for ref in refs[paper_id]:
        for other in cited_by[ref] - {paper_id}:
            figures[other][1] += 1
    mine = set(oracle.paper_topics[paper_id])
    for other in oracle.paper_ids - {paper_id}:
        shared = len(mine & set(oracle.paper_topics[other]))
        if shared:
            figures[other][2] = shared
    ranked = sorted(figures.items(),
                    key=lambda item: (-(2 * item[1][0] + 2 * item[1][1] + item[1][2]), item[0]))
    query = """query ($id: ID!) { paper(id: $id) { similar(first: 10) { paper { id } score
      coCited sharedReferences sharedTopics reasons } } }"""
    found = api.data(query, id=paper_id)["paper"]["similar"]
    assert [(s["paper"]["id"], s["coCited"], s["sharedReferences"], s["sharedTopics"])
            for s in found] == [(pid, *f) for pid, f in ranked[:10]]
    assert all(s["score"] == 2 * s["coCited"] + 2 * s["sharedReferences"] + s["sharedTopics"]
               for s in found)
    for s in found:
        assert any(r.startswith("cited together by ") for r in s["reasons"]) == (s["coCited"] > 0)
        assert any(r.startswith("share ") for r in s["reasons"]) == (s["sharedReferences"] > 0)
        assert any(r.startswith("same ") for r in s["reasons"]) == (s["sharedTopics"] > 0)
    assert api.error_code("query ($id: ID!) { paper(id: $id) { similar(first: 0) { score } } }",
                          id=paper_id) == "BAD_INPUT"
