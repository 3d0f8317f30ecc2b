"""Mutations over HTTP: follows, claims, open-to-collaborate, invitations, upvotes; and the codes
for missing, wrong and other users' tokens."""

from __future__ import annotations

import pytest

from kg import trust
from tests.e2e.conftest import Api

FOLLOWERS = 'mutation ($r: ID!) { follow(researcherId: $r) }'
CLAIM = """mutation ($r: ID!, $kind: EvidenceKind!, $value: String!) {
  requestClaim(researcherId: $r, evidence: {kind: $kind, value: $value}) { id status } }"""
REVIEW = "mutation ($c: ID!, $ok: Boolean!) { reviewClaim(claimId: $c, approve: $ok) { status } }"
OPEN = "mutation ($r: ID!, $o: Boolean!) { setOpenToCollaborate(researcherId: $r, open: $o) }"
INVITE = """mutation ($f: ID!, $t: ID!) {
  invite(fromResearcherId: $f, toResearcherId: $t, message: "Shall we?") { id status } }"""
UPVOTE = "mutation ($p: ID!) { upvote(paperId: $p) }"
ORCID = "0000-0002-1825-0097"


def _approve(api: Api, tokens: dict[str, str], user: str, researcher: str) -> None:
    claim = api.data(CLAIM, tokens[user], r=researcher, kind="ORCID", value=ORCID)
    api.data(REVIEW, tokens["admin"], c=claim["requestClaim"]["id"], ok=True)


def test_follow_and_unfollow_change_followers(people, tokens, api: Api) -> None:
    assert api.data(FOLLOWERS, tokens["ada"], r="A1")["follow"] == 1
    assert api.data(FOLLOWERS, tokens["bob"], r="A1")["follow"] == 2
    assert api.data(FOLLOWERS, tokens["bob"], r="A1")["follow"] == 2
    unfollow = 'mutation ($r: ID!) { unfollow(researcherId: $r) }'
    assert api.data(unfollow, tokens["ada"], r="A1")["unfollow"] == 1


def test_following_an_unknown_researcher_is_not_found(people, tokens, api: Api) -> None:
    assert api.error_code(FOLLOWERS, tokens["ada"], r="A404") == "NOT_FOUND"


@pytest.mark.parametrize("mutation,variables", [
    (FOLLOWERS, {"r": "A1"}),
    ('mutation ($r: ID!) { unfollow(researcherId: $r) }', {"r": "A1"}),
    (CLAIM, {"r": "A1", "kind": "ORCID", "value": ORCID}),
    (REVIEW, {"c": "C1", "ok": True}),
    (OPEN, {"r": "A1", "o": True}),
    (INVITE, {"f": "A1", "t": "A2"}),
    (UPVOTE, {"p": "W1"}),
])
def test_every_mutation_needs_a_valid_token(people, tokens, api: Api, mutation, variables) -> None:
    assert api.error_code(mutation, None, **variables) == "UNAUTHENTICATED"
    assert api.error_code(mutation, "wrong-token", **variables) == "UNAUTHENTICATED"


def test_only_an_admin_reviews_claims(people, tokens, api: Api) -> None:
    claim = api.data(CLAIM, tokens["ada"], r="A1", kind="ORCID", value=ORCID)["requestClaim"]
    assert claim["status"] == "pending"
    assert api.error_code(REVIEW, tokens["ada"], c=claim["id"], ok=True) == "FORBIDDEN"
    approved = api.data(REVIEW, tokens["admin"], c=claim["id"], ok=True)["reviewClaim"]
    assert approved["status"] == "approved"


def test_a_claim_needs_valid_evidence(people, tokens, api: Api) -> None:
    bad_orcid = api.error_code(CLAIM, tokens["ada"], r="A1", kind="ORCID",
                               value="0000-0002-1825-0098")
    public_mail = api.error_code(CLAIM, tokens["ada"], r="A1", kind="INSTITUTIONAL_EMAIL",
                                 value="ada@gmail.com")
    assert bad_orcid == public_mail == "BAD_INPUT"


def test_only_the_claimant_sets_open_to_collaborate(people, tokens, api: Api) -> None:
    _approve(api, tokens, "ada", "A1")
    assert api.error_code(OPEN, tokens["bob"], r="A1", o=True) == "FORBIDDEN"
    assert api.data(OPEN, tokens["ada"], r="A1", o=True)["setOpenToCollaborate"] is True


def test_invitations_go_only_between_claimed_researchers(people, tokens, api: Api) -> None:
    _approve(api, tokens, "ada", "A1")
    assert api.error_code(INVITE, tokens["ada"], f="A1", t="A2") == "FORBIDDEN"
    assert api.error_code(INVITE, tokens["bob"], f="A2", t="A1") == "FORBIDDEN"
    _approve(api, tokens, "bob", "A2")
    assert api.error_code(INVITE, tokens["bob"], f="A1", t="A2") == "FORBIDDEN"
    assert api.data(INVITE, tokens["ada"], f="A1", t="A2")["invite"]["status"] == "sent"


def test_a_user_upvotes_a_paper_once(people, tokens, api: Api) -> None:
    assert api.data(UPVOTE, tokens["ada"], p="W1")["upvote"] == 4
    assert api.data(UPVOTE, tokens["ada"], p="W1")["upvote"] == 4
    assert api.data(UPVOTE, tokens["bob"], p="W1")["upvote"] == 5


def test_me_is_the_caller(people, tokens, api: Api) -> None:
    assert api.data("{ me { email roles } }", tokens["admin"])["me"] == {
        "email": "admin@example.org", "roles": ["admin"]}
    assert api.data("{ me { email } }")["me"] is None


def test_the_cypher_endpoint_needs_an_admin_token(people, tokens, api: Api) -> None:
    body = {"query": "MATCH (r:Researcher) RETURN r.id AS id ORDER BY id"}
    assert api.client.post("/api/cypher", json=body).status_code == 401
    wrong = {"Authorization": "Bearer wrong"}
    assert api.client.post("/api/cypher", json=body, headers=wrong).status_code == 401
    user = {"Authorization": f"Bearer {tokens['ada']}"}
    assert api.client.post("/api/cypher", json=body, headers=user).status_code == 403
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    response = api.client.post("/api/cypher", json=body, headers=admin)
    assert response.status_code == 200
    assert response.json()["rows"] == [{"id": "A1"}, {"id": "A2"}]
    write = {"query": "CREATE (:Researcher {id: 'A3'})"}
    refused = api.client.post("/api/cypher", json=write, headers=admin)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "FORBIDDEN"


def test_an_approved_claim_raises_the_level_and_after_compute_the_score(
    people, tokens, api: Api
) -> None:
    people.driver.execute_query(
        "MATCH (a:Researcher {id: 'A1'}), (b:Researcher {id: 'A2'}), (p:Paper {id: 'W1'}) "
        "SET a.orcid = '0000-0002-1825-0097', p.year = 2020, p.author_count = 2 "
        "CREATE (a)-[:AUTHORED]->(p), (b)-[:AUTHORED]->(p), (a)-[:COAUTHOR {works: 1}]->(b)")
    trust.compute(people)
    query = 'query { researcher(id: "A1") { trust { score verificationLevel claimed } } }'
    before = api.data(query)["researcher"]["trust"]
    assert (before["verificationLevel"], before["claimed"]) == (1, False)

    _approve(api, tokens, "ada", "A1")
    approved = api.data(query)["researcher"]["trust"]
    assert (approved["verificationLevel"], approved["claimed"]) == (2, True)
    assert approved["score"] == before["score"]

    trust.compute(people)
    assert api.data(query)["researcher"]["trust"]["score"] > before["score"]
