"""One round trip per level: the loads of one GraphQL level, and root fields' service calls, run
in one read transaction; nesting more items adds no transaction (no N+1); a root field that names
its node by id loads the node's children in its own round (look-ahead)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.graphql import schema
from kg import neighbourhood
from kg.config import Settings
from kg.db.async_reads import AsyncReads
from kg.db.graph import Graph
from tests.e2e.conftest import Api

# The README's profile page, with papers (their authors and topics) beside the co-authors.
PROFILE = """query Profile($id: ID!, $n: Int!) {
  researcher(id: $id) {
    name orcid
    trust { score tier verificationLevel claimed }
    metrics { works citations hIndex i10Index followers topics closeCollaborators novelty }
    coauthors(first: $n) {
      totalCount edges { sharedWorks firstYear lastYear node { id name orcid } } }
    papers(first: $n, orderBy: CITATIONS) {
      edges { node { title year
        authors { position researcher { id name } }
        topics { score topic { name level } } } } }
  }
}"""
# researcher, metrics, trust, coauthors, papers, the papers' authors and topics: the root field
# looks ahead two levels (api/graphql/prefetch.py), so one read transaction for all three levels
PROFILE_LEVELS = 1


@pytest.fixture
def uncached(settings: Settings) -> Iterator[Api]:
    """The API without its response cache, so every request reads the graph."""
    no_cache = Settings(**{**settings.__dict__, "response_cache_entries": 0})
    with TestClient(create_app(no_cache)) as client:
        yield Api(client)


def _hub(graph: Graph) -> str:
    _, rows, _ = graph.run_read_only(
        "MATCH (r:Researcher)-[:AUTHORED]->(p:Paper) WITH r, count(p) AS works "
        "WHERE COUNT { (r)-[:COAUTHOR]-() } >= 50 RETURN r.id AS id ORDER BY works DESC LIMIT 1",
        {}, 10.0, 1, 1_000_000)
    return rows[0]["id"]


def _transactions(api: Api, query: str, **variables: object) -> tuple[int, dict]:
    before = api.graph.transactions_run
    data = api.data(query, **variables)
    return api.graph.transactions_run - before, data


def test_the_profile_request_runs_one_read_transaction_per_level(idb03_graph, uncached) -> None:
    hub = _hub(idb03_graph)
    counted, data = _transactions(uncached, PROFILE, id=hub, n=50)
    assert len(data["researcher"]["coauthors"]["edges"]) == 50
    assert len(data["researcher"]["papers"]["edges"]) == 50
    assert all(e["node"]["authors"] for e in data["researcher"]["papers"]["edges"])
    assert counted <= PROFILE_LEVELS


def test_five_or_fifty_researchers_cost_the_same_transactions(idb03_graph, uncached) -> None:
    hub = _hub(idb03_graph)
    few, _ = _transactions(uncached, PROFILE, id=hub, n=5)
    many, _ = _transactions(uncached, PROFILE, id=hub, n=50)
    assert few == many


def test_many_researchers_at_the_root_are_one_transaction(idb03_graph, uncached) -> None:
    _, rows, _ = idb03_graph.run_read_only(
        "MATCH (r:Researcher) RETURN r.id AS id ORDER BY r.id LIMIT 30", {}, 10.0, 30,
        1_000_000)
    aliases = " ".join(f'r{i}: researcher(id: "{row["id"]}") {{ name metrics {{ works }} }}'
                       for i, row in enumerate(rows))
    counted, data = _transactions(uncached, "{ " + aliases + " }")
    assert all(data[f"r{i}"]["name"] is not None for i in range(len(rows)))
    assert counted <= 2  # the researchers; their metrics


def test_root_fields_that_call_services_share_one_transaction(idb03_graph, uncached) -> None:
    hub = _hub(idb03_graph)
    # the neighbourhood's plan made first, outside the request's deadline: on a loaded machine
    # a cold plan of it took past 30 s (the API plans it at start-up; the tests' app does not)
    neighbourhood.neighbourhood(idb03_graph, hub)
    query = """query ($id: ID!) {
      search(query: "carbonate", first: 5) { id }
      autocomplete(prefix: "carb", first: 5) { id }
      neighbourhood(id: $id, depth: 1, limitPerType: 5) { nodes { id } }
      trendingPapers(first: 5) { edges { node { id } } }
    }"""
    counted, data = _transactions(uncached, query, id=hub)
    assert data["search"] and data["neighbourhood"]["nodes"]
    assert counted <= 2  # the four services (and the graph's version); the trending papers


def test_an_error_in_one_field_leaves_the_others_of_its_round_answered(
        idb03_graph, uncached) -> None:
    hub = _hub(idb03_graph)
    body = uncached.query("""query ($id: ID!) {
      researcher(id: $id) { name coauthors(first: 5) { totalCount } }
      collaborationPath(from: $id, to: "A404") { length }
    }""", id=hub)
    assert body["data"]["researcher"]["coauthors"]["totalCount"] > 0
    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]


def test_a_topic_page_reads_its_adjacent_topics_and_top_papers_with_their_nodes(
        idb03_graph, uncached) -> None:
    counted, data = _transactions(uncached, """{ topic(id: "T10965") { name
      adjacentTopics(first: 10) { edges { cooccurrences node { id name level } } }
      topPapers(first: 10) { id title }
      topResearchers(first: 10) { works researcher { name } } } }""")
    assert len(data["topic"]["adjacentTopics"]["edges"]) == 10
    assert all(p["title"] for p in data["topic"]["topPapers"])
    assert counted <= 2  # the topic; its adjacent topics, papers and researchers with their nodes


# Fields whose loaders once called a service per item, each nested under a list of n items,
# with the named query that now answers the whole level.
NESTED_FIELDS = {
    "suggestedCollaborators": ("coauthorship/suggested_collaborators_of_researchers",
                               """query ($id: ID!, $n: Int!) { researcher(id: $id) {
      coauthors(first: $n) { edges { node { id
        suggestedCollaborators(first: 3) { score researcher { id } } } } } } }"""),
    "trustExplanation": ("trust/explanations_of", """query ($id: ID!, $n: Int!) {
      researcher(id: $id) { coauthors(first: $n) { edges { node { id
        trust { explanation(top: 3) { components { name } others } } } } } } }"""),
    "adjacentTopics": ("topics/adjacent_of_topics", """query ($n: Int!) {
      trendingTopics(sinceYear: 1900, first: $n) {
        topic { id adjacentTopics(first: 3) { totalCount edges { node { id name } } } } } }"""),
    "children": ("topics/children_of_topics", """query ($n: Int!) {
      trendingTopics(sinceYear: 1900, first: $n, level: "subfield") {
        topic { id children { id name } } } }"""),
    "topPapers": ("topics/top_papers_of_topics", """query ($n: Int!) {
      trendingTopics(sinceYear: 1900, first: $n) {
        topic { id topPapers(first: 3) { id title } } } }"""),
    "topResearchers": ("topics/top_researchers_of_topics", """query ($n: Int!) {
      trendingTopics(sinceYear: 1900, first: $n) {
        topic { id topResearchers(first: 3) { works researcher { id name } } } } }"""),
}


def _queries(api: Api, query: str, **variables: object) -> tuple[Counter[str], dict]:
    before = Counter(api.graph.queries_by_name)
    data = api.data(query, **variables)
    return Counter(api.graph.queries_by_name) - before, data


def _items(data: dict) -> list:
    if "researcher" in data:
        return data["researcher"]["coauthors"]["edges"]
    return data["trendingTopics"]


@pytest.mark.parametrize("field", sorted(NESTED_FIELDS))
def test_five_or_fifty_nested_items_cost_the_same_queries_for_each_batched_field(
        idb03_graph, uncached, field: str) -> None:
    name, query = NESTED_FIELDS[field]
    variables = {"id": _hub(idb03_graph)} if "$id" in query else {}
    few, few_data = _queries(uncached, query, n=5, **variables)
    many, many_data = _queries(uncached, query, n=50, **variables)
    assert (len(_items(few_data)), len(_items(many_data))) == (5, 50)
    assert few[name] == many[name] == 1  # the field: one query for the whole level
    # The loads around the field take at most one more batch for 50 items than for 5, never
    # one per item: a batch when their keys reach the batcher a loop turn apart (measured: one
    # more `nodes/topics_by_ids` under adjacentTopics and suggestedCollaborators), or a kind
    # that only some of the 50 items need (the institutions among trust explanations).
    assert all(many[q] <= few[q] + 1 for q in many), (few, many)


# A profile page without papers, and a topic page: the root field starts its children's loads
# in its own round (look-ahead), so each is ONE read transaction.
PROFILE_PAGE = """query ($id: ID!) { researcher(id: $id) { name
  metrics { works hIndex } trust { score }
  coauthors(first: 100) { edges { sharedWorks node { id name } } }
  topics(first: 5) { share topic { name } } } }"""
TOPIC_PAGE = """query ($id: ID!) { topic(id: $id) { name
  adjacentTopics(first: 10) { edges { cooccurrences weight node { id name } } }
  topPapers(first: 10) { id title } } }"""


def _topic(graph: Graph) -> str:
    _, rows, _ = graph.run_read_only(
        "MATCH (t:Topic {level: 'topic'}) RETURN t.id AS id "
        "ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC, t.id LIMIT 1", {}, 10.0, 1, 1_000_000)
    return rows[0]["id"]


def test_a_profile_page_without_papers_is_one_read_transaction(idb03_graph, uncached) -> None:
    counted, data = _transactions(uncached, PROFILE_PAGE, id=_hub(idb03_graph))
    assert len(data["researcher"]["coauthors"]["edges"]) >= 50
    assert data["researcher"]["metrics"]["works"] > 0
    assert counted == 1


def test_a_topic_page_is_one_read_transaction(idb03_graph, uncached) -> None:
    counted, data = _transactions(uncached, TOPIC_PAGE, id=_topic(idb03_graph))
    assert data["topic"]["adjacentTopics"]["edges"] and data["topic"]["topPapers"]
    assert counted == 1


def test_a_topic_pages_top_papers_of_two_sizes_are_read_one_with_the_adjacent_topics(
        idb03_graph, uncached) -> None:
    query = """query ($id: ID!) { topic(id: $id) { name
      adjacentTopics(first: 10) { edges { node { id name } } }
      few: topPapers(first: 3) { id title } many: topPapers(first: 12) { id title } } }"""
    topic = _topic(idb03_graph)
    counted, data = _queries(uncached, query, id=topic)
    alone = uncached.data("""query ($id: ID!) { topic(id: $id) {
      topPapers(first: 12) { id title } } }""", id=topic)["topic"]["topPapers"]
    assert len(alone) == 12
    assert data["topic"]["many"] == alone and data["topic"]["few"] == alone[:3]
    assert counted == Counter({"topics/adjacent_of_topics": 1, "topics/top_papers_of_topics": 1})


def test_a_missing_topic_with_its_page_asked_is_one_query(idb03_graph, uncached) -> None:
    counted, data = _queries(uncached, TOPIC_PAGE, id="T0")
    assert data == {"topic": None}
    assert counted == Counter({"topics/adjacent_of_topics": 1})


def test_a_bad_size_of_top_papers_beside_adjacent_topics_is_refused_as_before(
        idb03_graph, uncached) -> None:
    query = """query ($id: ID!, $n: Int!) { topic(id: $id) {
      adjacentTopics(first: 10) { totalCount } topPapers(first: $n) { id } } }"""
    assert uncached.error_code(query, id=_topic(idb03_graph), n=0) == "BAD_INPUT"
    assert uncached.data(TOPIC_PAGE, id=_topic(idb03_graph))["topic"]["topPapers"]


def test_children_asked_through_fragments_and_variables_load_in_the_root_round(
        idb03_graph, uncached) -> None:
    query = """query ($id: ID!, $n: Int!) { node(id: $id) { ...Page } }
      fragment Page on Researcher { ... on Node { id }
        coauthors(first: $n) { totalCount edges { node { name } } } metrics { works } }"""
    hub = _hub(idb03_graph)
    counted, data = _transactions(uncached, query, id=hub, n=7)
    direct = uncached.data(PROFILE_PAGE, id=hub)["researcher"]
    assert len(data["node"]["coauthors"]["edges"]) == 7
    assert data["node"]["metrics"] == {"works": direct["metrics"]["works"]}
    assert counted == 2  # the node's type; the node with its children


def test_a_missing_researcher_with_children_asked_answers_null(idb03_graph, uncached) -> None:
    assert uncached.data(PROFILE_PAGE, id="A0") == {"researcher": None}


def test_a_bad_page_size_of_a_looked_ahead_child_is_refused_as_before(
        idb03_graph, uncached) -> None:
    query = """query ($id: ID!, $n: Int!) { researcher(id: $id) {
      coauthors(first: $n) { totalCount } } }"""
    assert uncached.error_code(query, id=_hub(idb03_graph), n=0) == "BAD_INPUT"
    assert uncached.error_code(query, id=_hub(idb03_graph), n=1000) == "QUERY_TOO_COMPLEX"


def test_a_profile_whose_coauthor_page_fails_reads_its_researcher_in_a_round_of_its_own(
        idb03_graph, uncached) -> None:
    query = """query ($id: ID!) { researcher(id: $id) { name metrics { works }
      coauthors(first: 3, after: "not a cursor") { totalCount } } }"""
    hub = _hub(idb03_graph)
    before = Counter(uncached.graph.queries_by_name)
    assert uncached.error_code(query, id=hub) == "BAD_INPUT"
    counted = Counter(uncached.graph.queries_by_name) - before
    assert counted == Counter({"nodes/researchers_with_metrics_by_ids": 1})
    assert uncached.data(PROFILE_PAGE, id=hub)["researcher"]["name"]


def test_a_missing_researcher_with_its_coauthors_asked_is_one_query(
        idb03_graph, uncached) -> None:
    counted, data = _queries(uncached, CARRIED["profile"][0], id="A0")
    assert data == {"researcher": None}
    assert counted == Counter({"coauthorship/coauthor_pages": 1})


def test_a_missing_researcher_with_its_papers_asked_is_read_alone_after_its_empty_page(
        idb03_graph, uncached) -> None:
    counted, data = _queries(uncached, CARRIED["papers"][0], id="A0")
    assert data == {"researcher": None}
    assert counted == Counter({"papers/papers_with_authors_and_topics_of_researchers": 1,
                               "nodes/researchers_by_ids": 1})


def test_without_the_response_cache_no_version_is_read_and_the_etag_still_answers_304(
        idb03_graph, uncached) -> None:
    params = {"query": PROFILE_PAGE, "variables": f'{{"id": "{_hub(idb03_graph)}"}}'}
    before = uncached.graph.transactions_run
    first = uncached.client.get("/graphql", params=params)
    assert first.status_code == 200 and first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = uncached.client.get("/graphql", params=params,
                                headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert uncached.graph.transactions_run - before == 2  # one an answer, no version read


def test_look_ahead_changes_no_answer(idb03_graph, uncached, monkeypatch) -> None:
    hub = _hub(idb03_graph)
    requests = [(PROFILE, {"id": hub, "n": 20}), (PROFILE_PAGE, {"id": hub}),
                (TOPIC_PAGE, {"id": _topic(idb03_graph)})]
    ahead = [uncached.data(query, **variables) for query, variables in requests]
    for node_type, (owner, _, _) in list(schema.PREFETCH.items()):
        monkeypatch.setitem(schema.PREFETCH, node_type, (owner, {}, {}))
    level_by_level = [uncached.data(query, **variables) for query, variables in requests]
    assert ahead == level_by_level


# The bench's profile, papers and topic requests (bench/peer.py): the rows of a page carry the
# nodes they name (a page of papers its authors and topics too), and a page of co-authors,
# papers or adjacent topics the node it belongs to (a researcher with its figures, a topic with
# its top papers), so each runs exactly these named queries, one of each, in one session.
CARRIED = {
    "profile": ("""query ($id: ID!) { researcher(id: $id) { id name metrics { works hIndex }
      coauthors(first: 100) { edges { sharedWorks node { id name } } } } }""",
                {"coauthorship/coauthor_pages"}),
    "papers": ("""query ($id: ID!) { researcher(id: $id) {
      papers(first: 20, orderBy: CITATIONS) { edges { node { id title citedByCount
        authors { researcher { id name } } topics { topic { id name } } } } } } }""",
               {"papers/papers_with_authors_and_topics_of_researchers"}),
    "topic": (TOPIC_PAGE, {"topics/adjacent_of_topics"}),
}


@pytest.mark.parametrize("request_kind", sorted(CARRIED))
def test_a_page_whose_rows_carry_their_nodes_runs_no_node_query_for_them(
        idb03_graph, uncached, request_kind: str) -> None:
    query, expected = CARRIED[request_kind]
    node_id = _topic(idb03_graph) if request_kind == "topic" else _hub(idb03_graph)
    before = uncached.graph.transactions_run
    counted, data = _queries(uncached, query, id=node_id)
    assert data[request_kind if request_kind == "topic" else "researcher"]
    assert counted == Counter(dict.fromkeys(expected, 1))
    assert uncached.graph.transactions_run - before == 1


def _bench_request(graph: Graph, request_kind: str) -> tuple[str, str]:
    query, _ = CARRIED[request_kind]
    return query, _topic(graph) if request_kind == "topic" else _hub(graph)


@pytest.mark.parametrize("request_kind", sorted(CARRIED))
def test_a_bench_request_is_one_round_trip_its_queries_pipelined(
        idb03_graph, uncached, request_kind: str) -> None:
    query, node_id = _bench_request(idb03_graph, request_kind)
    before = uncached.graph.round_trips
    assert uncached.data(query, id=node_id)
    assert uncached.graph.round_trips - before == 1


def test_pipelined_queries_answer_as_queries_sent_one_at_a_time(
        idb03_graph, uncached, monkeypatch) -> None:
    requests = [_bench_request(idb03_graph, kind) for kind in sorted(CARRIED)]
    requests += [(PROFILE, _hub(idb03_graph))]
    pipelined = [uncached.client.post("/graphql", json={
        "query": query, "variables": {"id": node_id, "n": 50}}).content
        for query, node_id in requests]
    batch = AsyncReads._run_many

    async def one_at_a_time(reads: AsyncReads, session: Any, statements: list[Any]) -> list[Any]:
        return [answer for statement in statements
                for answer in await batch(reads, session, [statement])]

    monkeypatch.setattr(AsyncReads, "_run_many", one_at_a_time)
    before = uncached.graph.round_trips
    one_at_a_time = [uncached.client.post("/graphql", json={
        "query": query, "variables": {"id": node_id, "n": 50}}).content
        for query, node_id in requests]
    assert uncached.graph.round_trips - before > len(requests)  # the other path was taken
    assert pipelined == one_at_a_time
