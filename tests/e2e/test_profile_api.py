"""A researcher profile over HTTP equals the services (which the integration tests hold to the
independent oracle), co-author pages walk every co-author once, and nested lists are batched."""

from __future__ import annotations

from kg import coauthorship, metrics, trust
from kg.db.graph import Graph
from tests.e2e.conftest import Api

HUB = "A5040361455"
PROFILE = """query ($id: ID!) {
  researcher(id: $id) {
    id name orcid
    metrics { works citations hIndex i10Index followers topics closeCollaborators novelty
              firstYear lastYear }
    trust { score tier verificationLevel claimed propagated
            explanation { components { name value } others
                          contributors { share researcher { id } institution { id } } } }
    closeCollaborators { sharedWorks researcher { id name } }
    institutions { works institution { id name } }
    papers(first: 5, orderBy: CITATIONS) { totalCount edges { node { id citations } } }
  }
}"""


def _most_connected(graph: Graph) -> str:
    rows = graph.driver.execute_query(
        "MATCH (r:Researcher) RETURN r.id AS id ORDER BY COUNT { (r)-[:COAUTHOR]-() } DESC, id "
        "LIMIT 1").records
    return rows[0]["id"]


def test_profile_figures_equal_the_services(idb03_graph: Graph, api: Api) -> None:
    trust.compute(idb03_graph)
    researcher_id = _most_connected(idb03_graph)
    profile = api.data(PROFILE, id=researcher_id)["researcher"]
    expected = metrics.researcher_metrics(idb03_graph, researcher_id)
    got = profile["metrics"]
    assert (got["works"], got["citations"], got["hIndex"], got["i10Index"], got["topics"],
            got["closeCollaborators"], got["novelty"]) == (
        expected.works, expected.citations, expected.h_index, expected.i10_index,
        expected.topics, expected.close_collaborators, expected.novelty)
    stored = trust.trust_of(idb03_graph, researcher_id)
    got_trust = profile["trust"]
    assert (got_trust["score"], got_trust["tier"], got_trust["verificationLevel"],
            got_trust["propagated"]) == (stored.score, stored.tier, stored.verification_level,
                                         stored.propagated)
    explanation = got_trust["explanation"]
    assert abs(sum(c["share"] for c in explanation["contributors"]) + explanation["others"]
               - 1) < 1e-9
    close = coauthorship.close_collaborators(idb03_graph, researcher_id)
    assert [(c["researcher"]["id"], c["sharedWorks"]) for c in profile["closeCollaborators"]] == [
        (c.id, c.shared_works) for c in close]
    citations = [e["node"]["citations"] for e in profile["papers"]["edges"]]
    assert citations == sorted(citations, reverse=True)
    assert profile["papers"]["totalCount"] == expected.works


def test_coauthor_pages_walk_every_coauthor_once(idb03_graph: Graph, api: Api) -> None:
    researcher_id = _most_connected(idb03_graph)
    query = """query ($id: ID!, $after: String) { researcher(id: $id) {
      coauthors(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { sharedWorks node { id } } } } }"""
    seen, after = [], None
    while True:
        page = api.data(query, id=researcher_id, after=after)["researcher"]["coauthors"]
        seen += [(e["node"]["id"], e["sharedWorks"]) for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    ids = [i for i, _ in seen]
    assert len(ids) == len(set(ids)) == page["totalCount"]
    works = [w for _, w in seen]
    assert works == sorted(works, reverse=True)


def test_nested_coauthor_profiles_cost_the_same_for_5_or_40_coauthors(
    idb03_graph: Graph, api: Api
) -> None:
    query = """query ($id: ID!, $first: Int!) { researcher(id: $id) {
      coauthors(first: $first) { edges { node { id name
        metrics { works hIndex } closeCollaborators { researcher { name } }
        institutions { institution { name } }
        papers(first: 3) { edges { node { title authors { researcher { name } } } } } } } } } }"""
    researcher_id = _most_connected(idb03_graph)
    counts = []
    for first in (5, 40):
        before = api.graph.queries_run
        edges = api.data(query, id=researcher_id, first=first)["researcher"]["coauthors"]["edges"]
        assert len(edges) == first
        counts.append(api.graph.queries_run - before)
    assert counts[0] == counts[1], counts


def test_collaboration_path_lists_the_linking_papers(idb03_graph: Graph, api: Api) -> None:
    hub = _most_connected(idb03_graph)
    second = coauthorship.coauthors_of(idb03_graph, hub, first=1).items[0].id
    query = """query ($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b, maxHops: 3) {
      length researchers { id } steps { from { id } to { id } papers { id title } } } }"""
    path = api.data(query, a=hub, b=second)["collaborationPath"]
    assert path["length"] == 1 and path["steps"][0]["papers"]
    assert api.data(query, a=hub, b=hub)["collaborationPath"]["length"] == 0
