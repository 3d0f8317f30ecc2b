"""Search, neighbourhood (GraphQL and the plain JSON endpoint for widgets) and topics over HTTP."""

from __future__ import annotations

from kg import neighbourhood, topics
from kg.db.graph import Graph
from tests.e2e.conftest import Api

HUB = "T10399"


def test_neighbourhood_field_equals_the_service(idb03_graph: Graph, api: Api) -> None:
    query = """query ($id: ID!) { neighbourhood(id: $id, depth: 2, limitPerType: 10) {
      nodes { id type label weight } edges { id source target type weight }
      truncated { type remaining remainingAtMost exact } } }"""
    got = api.data(query, id=HUB)["neighbourhood"]
    expected = neighbourhood.neighbourhood(idb03_graph, HUB, 2, None, 10)
    assert [n["id"] for n in got["nodes"]] == [n.id for n in expected.nodes]
    assert {e["id"] for e in got["edges"]} == {e.id for e in expected.edges}
    assert {(t["type"], t["remaining"], t["remainingAtMost"], t["exact"])
            for t in got["truncated"]} == {
        (t.type, t.remaining, t.remaining_at_most, t.exact) for t in expected.truncated}


def test_neighbourhood_json_is_cytoscape_elements_with_an_etag(idb03_graph, api: Api) -> None:
    response = api.client.get(f"/api/neighbourhood/{HUB}?depth=1&types=PAPER,TOPIC&limit=5")
    assert response.status_code == 200
    body = response.json()
    nodes = body["elements"]["nodes"]
    assert {n["data"]["type"] for n in nodes} <= {"PAPER", "TOPIC"}
    assert sum(n["data"]["type"] == "PAPER" for n in nodes) == 5
    ids = {n["data"]["id"] for n in nodes}
    assert all({e["data"]["source"], e["data"]["target"]} <= ids for e in body["elements"]["edges"])
    assert body["truncated"] and all(t["exact"] and t["remainingAtMost"] == t["remaining"]
                                     for t in body["truncated"]), "depth 1 is always exact"
    etag = response.headers["etag"]
    again = api.client.get(f"/api/neighbourhood/{HUB}?depth=1&types=PAPER,TOPIC&limit=5",
                           headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert api.client.get("/api/neighbourhood/W0").status_code == 404
    assert api.client.get(f"/api/neighbourhood/{HUB}?depth=9").status_code == 400


def test_search_finds_a_paper_by_title_words(idb03_graph: Graph, api: Api) -> None:
    query = """query ($q: String!) { search(query: $q, first: 5) { id type label score } }"""
    hits = api.data(query, q="fractionation grain size sediment routing")["search"]
    assert "W2181906270" in [h["id"] for h in hits]
    assert api.data(query, q='foo AND (bar "* \\\\ title:x ~~~')["search"] is not None


def test_topic_adjacency_pages_equal_the_service(idb03_graph: Graph, api: Api) -> None:
    query = """query ($id: ID!) { topic(id: $id) { name level parent { id level }
      adjacentTopics(first: 5) { totalCount edges { cooccurrences weight node { id } } } } }"""
    got = api.data(query, id=HUB)["topic"]
    expected = topics.adjacent_topics(idb03_graph, HUB, 5)
    assert got["adjacentTopics"]["totalCount"] == expected.total_count
    assert [(e["node"]["id"], e["cooccurrences"]) for e in got["adjacentTopics"]["edges"]] == [
        (e.topic.id, e.cooccurrences) for e in expected.items]
    assert got["parent"]["level"] == "subfield"


def test_researcher_topics_carry_their_share(idb03_graph: Graph, api: Api) -> None:
    rid = "A5103059223"
    query = """query ($id: ID!) { researcher(id: $id) { topics(first: 3, level: "field") {
      share works topic { id level } } } }"""
    got = api.data(query, id=rid)["researcher"]["topics"]
    expected = topics.topic_profile(idb03_graph, rid, "field", 3)
    assert [(t["topic"]["id"], t["works"]) for t in got] == [
        (t.topic.id, t.works) for t in expected]
    assert all(0 < t["share"] <= 1 and t["topic"]["level"] == "field" for t in got)
