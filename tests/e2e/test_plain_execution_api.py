"""The fast path of api/graphql/execution.py on the idb03 graph answers exactly as graphql-core's
general path: the papers page (its papers' authors and topics completed from what the page's
look-ahead read, the NOW functions of `Paper.authors` and `Paper.topics`), a page whose papers'
authors are not read ahead (the resolvers wait), and errors and cost limits as before."""

from __future__ import annotations

import asyncio
from typing import Any

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.graphql.context import Context
from api.graphql.execution import PlainExecutionContext
from api.graphql.schema import build_schema
from kg.coauthorship import coauthor_cursor, coauthors_of
from kg.config import Settings
from kg.db.graph import Graph
from testkit.execution import RecordingExecutionContext
from tests.e2e.conftest import Api

PAPERS = """query ($id: ID!) { researcher(id: $id) {
  papers(first: 20, orderBy: CITATIONS) { edges { cursor node { id title citedByCount
    authors { position isCorresponding researcher { id name orcid } }
    topics { score primary topic { id name level papersCount } } } } } } }"""
PROFILE = """query ($id: ID!) { researcher(id: $id) { id name
  metrics { works hIndex }
  coauthors(first: 100) { edges { sharedWorks node { id name } } } } }"""
COAUTHOR_PAGE = """query ($id: ID!, $after: String) { researcher(id: $id) {
  coauthors(first: 30, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor sharedWorks node { id } } } } }"""
# trending papers read no authors ahead: each paper's authors field waits for its loader
TRENDING = """{ trendingPapers(first: 10) { edges { node { id
  authors { researcher { id name } } topics { topic { name } } } } } }"""


def _answer(graph: Graph, settings: Settings, context_class: type, document: str,
            **variables: Any) -> tuple[Any, list[tuple[str, Any]]]:
    schema = build_schema(settings, context_class)
    result = asyncio.run(schema.execute(document, variable_values=variables,
                                        context_value=Context.of(graph, settings, None)))
    return result.data, sorted((e.message, e.path) for e in result.errors or ())


def _both(graph: Graph, settings: Settings, document: str, **variables: Any) -> Any:
    plain = _answer(graph, settings, PlainExecutionContext, document, **variables)
    general = _answer(graph, settings, StrawberryGraphQLCoreExecutionContext, document,
                      **variables)
    assert plain == general
    return plain


def _hub(graph: Graph) -> str:
    _, rows, _ = graph.run_read_only(
        "MATCH (r:Researcher) RETURN r.id AS id ORDER BY COUNT { (r)-[:COAUTHOR]-() } DESC, "
        "r.id LIMIT 1", {}, 10.0, 1, 1_000)
    return rows[0]["id"]


def test_a_page_of_papers_with_authors_and_topics_answers_as_the_general_path(
        idb03_graph: Graph, settings: Settings) -> None:
    data, errors = _both(idb03_graph, settings, PAPERS, id=_hub(idb03_graph))
    assert errors == []
    edges = data["researcher"]["papers"]["edges"]
    assert len(edges) == 20
    assert all(e["node"]["authors"] and e["node"]["topics"] for e in edges)
    RecordingExecutionContext.planned.clear()
    _answer(idb03_graph, settings, RecordingExecutionContext, PAPERS, id=_hub(idb03_graph))
    assert {"PaperConnection:plain", "Paper:plain", "Authorship:plain"} <= set(
        RecordingExecutionContext.planned)


def test_the_profile_request_answers_as_the_general_path(
        idb03_graph: Graph, settings: Settings) -> None:
    data, errors = _both(idb03_graph, settings, PROFILE, id=_hub(idb03_graph))
    assert errors == []
    assert len(data["researcher"]["coauthors"]["edges"]) == 100


def test_coauthor_cursors_encoded_when_asked_answer_as_the_general_path_and_resume(
        idb03_graph: Graph, settings: Settings) -> None:
    hub = _hub(idb03_graph)
    data, errors = _both(idb03_graph, settings, COAUTHOR_PAGE, id=hub, after=None)
    assert errors == []
    page = data["researcher"]["coauthors"]
    edges = page["edges"]
    expected = coauthors_of(idb03_graph, hub, 30)
    assert [e["cursor"] for e in edges] == [coauthor_cursor(c) for c in expected.items]
    assert page["pageInfo"] == {"hasNextPage": True, "endCursor": edges[-1]["cursor"]}
    resumed, _ = _both(idb03_graph, settings, COAUTHOR_PAGE, id=hub, after=edges[9]["cursor"])
    assert resumed["researcher"]["coauthors"]["edges"][:20] == edges[10:]
    RecordingExecutionContext.planned.clear()
    _answer(idb03_graph, settings, RecordingExecutionContext, COAUTHOR_PAGE, id=hub, after=None)
    assert "CoauthorEdge:plain" in RecordingExecutionContext.planned


def test_papers_whose_authors_were_not_read_ahead_answer_as_the_general_path(
        idb03_graph: Graph, settings: Settings) -> None:
    data, errors = _both(idb03_graph, settings, TRENDING)
    assert errors == []
    assert len(data["trendingPapers"]["edges"]) == 10
    assert any(e["node"]["authors"] for e in data["trendingPapers"]["edges"])


def test_an_error_beside_fast_path_papers_is_the_same_coded_error(
        idb03_graph: Graph, settings: Settings, api: Api) -> None:
    document = PAPERS.replace("query ($id: ID!) {", """query ($id: ID!) {
      collaborationPath(from: $id, to: "A404") { length }""")
    data, errors = _both(idb03_graph, settings, document, id=_hub(idb03_graph))
    assert data["researcher"]["papers"]["edges"]
    assert len(errors) == 1 and errors[0][1] == ["collaborationPath"]
    body = api.query(document, id=_hub(idb03_graph))
    assert body["data"] == data
    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]
    assert "\n" not in body["errors"][0]["message"]


def test_the_cost_limits_still_refuse_pages_of_papers_over_budget(
        idb03_graph: Graph, api: Api) -> None:
    def document(pages: int) -> str:
        aliases = " ".join(f"p{i}: papers(first: 100) {{ edges {{ node {{ id "
                           "authors { researcher { id name } } topics { topic { id } } } } }"
                           for i in range(pages))
        return f"query ($id: ID!) {{ researcher(id: $id) {{ {aliases} }} }}"

    hub = _hub(idb03_graph)
    assert api.data(document(1), id=hub)["researcher"]["p0"]["edges"]
    body = api.query(document(20), id=hub)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "over the budget" in body["errors"][0]["message"]
