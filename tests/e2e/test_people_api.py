"""People through the API: a researcher's followers and a user's follows (paged, newest first),
and `me` with the caller's follows, upvotes, claims and invitations."""

from __future__ import annotations

from kg.db.graph import Graph
from tests.e2e.conftest import Api

FOLLOW = "mutation ($r: ID!) { follow(researcherId: $r) }"
FOLLOWERS = """query ($r: ID!, $first: Int!, $after: String) { researcher(id: $r) {
  followers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { name since } } } }"""
ME = """query ($first: Int!, $after: String) { me { name
  following(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name } } }
  upvoted(first: 5) { totalCount edges { node { id } } }
  claims { researcherId status evidenceKind }
  invitations { fromResearcherId toResearcherId message status } } }"""


def test_followers_page_newest_first_with_names_only(
    people: Graph, tokens: dict[str, str], api: Api
) -> None:
    for user in ("ada", "bob", "admin"):
        api.data(FOLLOW, tokens[user], r="A1")
    names: list[str] = []
    after = None
    while True:
        found = api.data(FOLLOWERS, r="A1", first=2, after=after)["researcher"]["followers"]
        assert found["totalCount"] == 3
        names += [edge["name"] for edge in found["edges"]]
        assert all(edge["since"] for edge in found["edges"])
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = found["pageInfo"]["endCursor"]
    assert names == ["Admin", "Bob", "Ada"]
    assert api.error_code("{ researcher(id: \"A1\") { followers { edges { email } } } }") \
        == "BAD_INPUT"


def test_me_lists_my_follows_upvotes_claims_and_invitations(
    people: Graph, tokens: dict[str, str], api: Api
) -> None:
    ada = tokens["ada"]
    api.data(FOLLOW, ada, r="A1")
    api.data(FOLLOW, ada, r="A2")
    api.data("mutation { upvote(paperId: \"W1\") }", ada)
    claim = api.data("""mutation { requestClaim(researcherId: "A1",
      evidence: {kind: ORCID, value: "0000-0002-1825-0097"}) { id } }""", ada)["requestClaim"]
    other = api.data("""mutation { requestClaim(researcherId: "A2",
      evidence: {kind: ORCID, value: "0000-0002-1694-233X"}) { id } }""", tokens["bob"])
    for claim_id in (claim["id"], other["requestClaim"]["id"]):
        api.data("mutation ($c: ID!) { reviewClaim(claimId: $c, approve: true) { status } }",
                 tokens["admin"], c=claim_id)
    api.data("""mutation { invite(fromResearcherId: "A1", toResearcherId: "A2",
      message: "Shall we?") { id } }""", ada)
    first = api.data(ME, ada, first=1)["me"]
    assert first["name"] == "Ada"
    assert first["following"]["totalCount"] == 2
    assert [e["node"]["id"] for e in first["following"]["edges"]] == ["A2"]
    after = first["following"]["pageInfo"]["endCursor"]
    rest = api.data(ME, ada, first=1, after=after)["me"]["following"]
    assert [e["node"]["id"] for e in rest["edges"]] == ["A1"]
    assert not rest["pageInfo"]["hasNextPage"]
    assert first["upvoted"] == {"totalCount": 1, "edges": [{"node": {"id": "W1"}}]}
    assert first["claims"] == [{"researcherId": "A1", "status": "approved",
                                "evidenceKind": "orcid"}]
    assert first["invitations"] == [{"fromResearcherId": "A1", "toResearcherId": "A2",
                                     "message": "Shall we?", "status": "sent"}]
    bob = api.data(ME, tokens["bob"], first=5)["me"]
    assert bob["following"]["totalCount"] == 0
    assert [c["researcherId"] for c in bob["claims"]] == ["A2"] and bob["invitations"] == []


def test_newest_first_orders_by_time_even_when_fractions_print_with_different_widths(
    people: Graph, tokens: dict[str, str], api: Api
) -> None:
    """Neo4j prints a datetime's fraction with 3, 6 or 9 digits: as strings '.123Z' > '.123456Z'
    though it is the earlier time, so the lists must order by the time itself."""
    for user in ("ada", "bob", "admin"):
        api.data(FOLLOW, tokens[user], r="A1")
    api.data(FOLLOW, tokens["ada"], r="A2")
    people.driver.execute_query(
        "MATCH (u:User)-[f:FOLLOWS]->(r:Researcher) "
        "SET f.since = datetime(CASE [u.name, r.id] "
        "  WHEN ['Ada', 'A1'] THEN '2026-01-01T00:00:00.123Z' "
        "  WHEN ['Bob', 'A1'] THEN '2026-01-01T00:00:00.123456789Z' "
        "  WHEN ['Admin', 'A1'] THEN '2026-01-01T00:00:00Z' "
        "  ELSE '2026-01-01T00:00:00.123456Z' END)")
    me = api.data(ME, tokens["ada"], first=5)["me"]
    assert [e["node"]["id"] for e in me["following"]["edges"]] == ["A2", "A1"]
    names, since, after = [], [], None
    while True:
        found = api.data(FOLLOWERS, r="A1", first=1, after=after)["researcher"]["followers"]
        names += [edge["name"] for edge in found["edges"]]
        since += [edge["since"] for edge in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = found["pageInfo"]["endCursor"]
    assert names == ["Bob", "Ada", "Admin"]
    assert since == ["2026-01-01T00:00:00.123456789Z", "2026-01-01T00:00:00.123Z",
                     "2026-01-01T00:00:00Z"]


def test_me_is_null_without_a_token_and_pages_refuse_bad_cursors(
    people: Graph, tokens: dict[str, str], api: Api
) -> None:
    assert api.data(ME, first=5)["me"] is None
    assert api.error_code(ME, tokens["ada"], first=0) == "BAD_INPUT"
    assert api.error_code(FOLLOWERS, r="A1", first=2, after="bad") == "BAD_INPUT"
