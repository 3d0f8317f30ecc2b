"""An institution's page through the API on idb03: researchers, papers and partner institutions
(paged), topic profile, parents and children, against figures computed from the raw file."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

from kg.db.graph import Graph
from testkit.oracle import Oracle, load_works, short_id, work_id
from tests.e2e.conftest import Api

PAGE = """query ($id: ID!, $first: Int!, $after: String) { institution(id: $id) {
  researchers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { works node { id } } } } }"""

PAPERS = """query ($id: ID!, $first: Int!, $after: String) { institution(id: $id) {
  papers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id } } } } }"""

PARTNERS = """query ($id: ID!, $first: Int!, $after: String) { institution(id: $id) {
  partners(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { works node { id name } } } } }"""


@cache
def _raw() -> tuple[Oracle, dict[str, dict[str, set[str]]], dict[str, set[str]]]:
    """The oracle, each institution's researchers with their works there, and the institutions
    each institution's lineage lists below it (its children)."""
    works = load_works()
    members: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    children: dict[str, set[str]] = defaultdict(set)
    for work in works:
        for authorship in work.get("authorships") or []:
            author = short_id((authorship.get("author") or {}).get("id"))
            for inst in authorship.get("institutions") or []:
                iid = short_id(inst.get("id"))
                if not iid:
                    continue
                for ancestor in inst.get("lineage") or []:
                    if short_id(ancestor) != iid:
                        children[short_id(ancestor)].add(iid)
                if author:
                    members[iid][author].add(work_id(work))
    return Oracle.from_works(works), members, children


def _walk(api: Api, query: str, field: str, institution_id: str, first: int) -> list[dict]:
    edges: list[dict] = []
    after = None
    while True:
        found = api.data(query, id=institution_id, first=first, after=after)["institution"][field]
        edges += [{**edge, "total": found["totalCount"]} for edge in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            return edges
        after = found["pageInfo"]["endCursor"]


def _biggest(members: dict[str, dict[str, set[str]]]) -> str:
    return max(members, key=lambda i: (len(members[i]), i))


def test_institution_researchers_page_by_works_there(idb03_graph: Graph, api: Api) -> None:
    _, members, _ = _raw()
    institution_id = _biggest(members)
    people = members[institution_id]
    expected = sorted(((rid, len(papers)) for rid, papers in people.items()),
                      key=lambda pair: (-pair[1], pair[0]))
    edges = _walk(api, PAGE, "researchers", institution_id, first=7)
    assert [(e["node"]["id"], e["works"]) for e in edges] == expected
    assert {e["total"] for e in edges} == {len(expected)}


def test_institution_papers_page_most_cited_first(idb03_graph: Graph, api: Api) -> None:
    oracle, members, _ = _raw()
    institution_id = _biggest(members)
    papers = set().union(*members[institution_id].values())
    expected = sorted(papers, key=lambda p: (-oracle.paper_citations[p], p))
    edges = _walk(api, PAPERS, "papers", institution_id, first=9)
    assert [e["node"]["id"] for e in edges] == expected
    assert {e["total"] for e in edges} == {len(expected)}


def test_institution_partners_page_by_works_together(idb03_graph: Graph, api: Api) -> None:
    oracle, members, _ = _raw()
    institution_id = _biggest(members)
    expected = sorted(((b if a == institution_id else a, n)
                       for (a, b), n in oracle.partners.items() if institution_id in (a, b)),
                      key=lambda pair: (-pair[1], pair[0]))
    edges = _walk(api, PARTNERS, "partners", institution_id, first=6)
    assert len(expected) > 12
    assert [(e["node"]["id"], e["works"]) for e in edges] == expected
    assert {e["total"] for e in edges} == {len(expected)}
    assert all(e["node"]["name"] for e in edges)


def test_an_institution_without_partners_has_an_empty_page(idb03_graph: Graph, api: Api) -> None:
    oracle, members, _ = _raw()
    partnered = {i for pair in oracle.partners for i in pair}
    alone = min(set(members) - partnered)
    found = api.data(PARTNERS, id=alone, first=5, after=None)["institution"]["partners"]
    assert found == {"totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None},
                     "edges": []}


def test_institution_topic_profile_counts_its_papers_per_subfield(
    idb03_graph: Graph, api: Api
) -> None:
    oracle, members, _ = _raw()
    institution_id = _biggest(members)
    papers = set().union(*members[institution_id].values())
    per_subfield: Counter[str] = Counter()
    for paper_id in papers:
        per_subfield.update({oracle.topic_subfield[t] for t in oracle.paper_topics[paper_id]})
    expected = sorted(per_subfield.items(), key=lambda pair: (-pair[1], pair[0]))[:5]
    query = """query ($id: ID!) { institution(id: $id) {
      topics(first: 5, level: "subfield") { topic { id } works share } } }"""
    found = api.data(query, id=institution_id)["institution"]["topics"]
    assert [(s["topic"]["id"], s["works"]) for s in found] == expected
    assert [s["share"] for s in found] == [n / len(papers) for _, n in expected]


def test_institution_children_and_parents_follow_the_lineage(
    idb03_graph: Graph, api: Api
) -> None:
    _, _, children = _raw()
    parent_id = max(children, key=lambda i: (len(children[i]), i))
    query = """query ($id: ID!) { institution(id: $id) { children { id parents { id } } } }"""
    found = api.data(query, id=parent_id)["institution"]["children"]
    assert sorted(c["id"] for c in found) == sorted(children[parent_id])
    assert all(parent_id in {p["id"] for p in c["parents"]} for c in found)


def test_institution_pages_refuse_a_bad_level_cursor_or_size(idb03_graph: Graph, api: Api) -> None:
    _, members, _ = _raw()
    institution_id = _biggest(members)
    query = """query ($id: ID!) { institution(id: $id) { topics(level: "galaxy") { works } } }"""
    assert api.error_code(query, id=institution_id) == "BAD_INPUT"
    assert api.error_code(PAGE, id=institution_id, first=0) == "BAD_INPUT"
    assert api.error_code(PAPERS, id=institution_id, first=2, after="bm9wZQ==") == "BAD_INPUT"
    assert api.error_code(PARTNERS, id=institution_id, first=2, after="bm9wZQ==") == "BAD_INPUT"
    assert api.error_code(PARTNERS, id=institution_id, first=0) == "BAD_INPUT"


def test_nested_institution_pages_cost_queries_per_level_not_per_researcher(
    idb03_graph: Graph, api: Api
) -> None:
    _, members, _ = _raw()
    institution_id = _biggest(members)
    query = """query ($id: ID!, $first: Int!) { institution(id: $id) {
      researchers(first: $first) { edges { node { institutions { institution {
        topics(first: 3) { works }
        papers(first: 2) { totalCount edges { node { id } } }
        partners(first: 2) { totalCount edges { works node { name } } }
        researchers(first: 2) { totalCount } } } } } } } }"""
    counts = []
    for first in (5, 40):
        before = api.graph.queries_run
        edges = api.data(query, id=institution_id, first=first)["institution"]["researchers"]
        assert len(edges["edges"]) == first
        counts.append(api.graph.queries_run - before)
    # One batch per level, but a level's loads can land in two batches when some items reach
    # it a loop turn later (an empty list loads without waiting): bounded, never one per item.
    assert counts[1] <= 2 * counts[0] < 40, counts
