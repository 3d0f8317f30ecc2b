"""GraphQL over HTTP on the idb03 set: shapes, paging, batching, errors, limits."""

from __future__ import annotations

from tests.e2e.conftest import Api

TRENDING = """
query ($first: Int!, $after: String) {
  trendingPapers(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title citations source { id name }
      authors { position researcher { id name institutions { institution { id name } } } }
      topics { score topic { id name parent { id name } } } } }
  }
}"""


def test_trending_papers_page_through_every_paper_once(idb03_graph, api: Api) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = api.data("""query ($after: String) { trendingPapers(first: 100, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }""",
                        after=after)["trendingPapers"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"] == 2643


def test_nested_lists_cost_the_same_number_of_queries_for_5_or_50_papers(
    idb03_graph, api: Api
) -> None:
    counts = []
    for first in (5, 50):
        before = api.graph.queries_run
        data = api.data(TRENDING, first=first)
        assert len(data["trendingPapers"]["edges"]) == first
        counts.append(api.graph.queries_run - before)
    assert counts[0] == counts[1], counts


def test_node_resolves_every_type(idb03_graph, api: Api) -> None:
    query = "query ($id: ID!) { node(id: $id) { __typename id } }"
    for node_id, typename in [("W2181906270", "Paper"), ("A5103059223", "Researcher"),
                              ("T10965", "Topic"), ("I47508984", "Institution")]:
        assert api.data(query, id=node_id)["node"] == {"__typename": typename, "id": node_id}
    assert api.data(query, id="W0")["node"] is None


def test_a_bad_cursor_is_bad_input(idb03_graph, api: Api) -> None:
    assert api.error_code(TRENDING, first=5, after="not-a-cursor") == "BAD_INPUT"


def test_a_page_over_the_maximum_is_refused_before_neo4j(idb03_graph, api: Api) -> None:
    before = api.graph.queries_run
    assert api.error_code(TRENDING, first=1000) == "QUERY_TOO_COMPLEX"
    assert api.graph.queries_run == before


def test_a_too_deep_query_is_refused_before_neo4j(idb03_graph, api: Api) -> None:
    nested = "authors { researcher { papers(first: 1) { edges { node { " * 4
    deep = '{ paper(id: "W2181906270") { ' + nested + "id" + " } } } } }" * 4 + " } }"
    before = api.graph.queries_run
    assert api.error_code(deep) == "QUERY_TOO_COMPLEX"
    assert api.graph.queries_run == before


def test_too_many_aliases_are_refused(idb03_graph, api: Api) -> None:
    aliases = " ".join(f'a{i}: paper(id: "W2181906270") {{ id }}' for i in range(40))
    assert api.error_code("{ " + aliases + " }") == "QUERY_TOO_COMPLEX"


def test_a_huge_document_is_refused(idb03_graph, api: Api) -> None:
    fields = " ".join("id title" for _ in range(3000))
    assert api.error_code('{ paper(id: "W2181906270") { ' + fields + " } }") == "QUERY_TOO_COMPLEX"


def test_an_unknown_field_is_bad_input(idb03_graph, api: Api) -> None:
    assert api.error_code("{ paper(id: \"W1\") { nope } }") == "BAD_INPUT"
