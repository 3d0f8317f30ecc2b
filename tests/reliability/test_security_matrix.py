"""Every mutation and the Cypher endpoint, without a token, with wrong tokens and with another
user's token on something that is not theirs: the right code, and not one property of the graph
changed. (tests/e2e/test_accounts_api.py covers the codes on an empty record; this is the
matrix over a graph where every record already belongs to someone.)"""

from __future__ import annotations

from typing import Any

import pytest

from kg import accounts
from kg.db.graph import Graph
from testkit.census import contents
from tests.e2e.conftest import Api

FOLLOW = "mutation ($r: ID!) { follow(researcherId: $r) }"
UNFOLLOW = "mutation ($r: ID!) { unfollow(researcherId: $r) }"
CLAIM = """mutation ($r: ID!) { requestClaim(researcherId: $r,
  evidence: {kind: ORCID, value: "0000-0002-1825-0097"}) { id } }"""
REVIEW = "mutation ($c: ID!) { reviewClaim(claimId: $c, approve: true) { status } }"
OPEN = "mutation ($r: ID!) { setOpenToCollaborate(researcherId: $r, open: false) }"
INVITE = """mutation ($f: ID!, $t: ID!) {
  invite(fromResearcherId: $f, toResearcherId: $t, message: "Shall we?") { id } }"""
UPVOTE = "mutation ($p: ID!) { upvote(paperId: $p) }"

MUTATIONS: dict[str, tuple[str, dict[str, str]]] = {
    "follow": (FOLLOW, {"r": "A1"}),
    "unfollow": (UNFOLLOW, {"r": "A1"}),
    "requestClaim": (CLAIM, {"r": "A2"}),
    "reviewClaim": (REVIEW, {"c": "<pending>"}),
    "setOpenToCollaborate": (OPEN, {"r": "A1"}),
    "invite": (INVITE, {"f": "A1", "t": "A3"}),
    "upvote": (UPVOTE, {"p": "W1"}),
}

# bob acting on what is ada's (or, for reviewClaim, as a non-admin)
AS_ANOTHER_USER: dict[str, tuple[str, dict[str, str], str]] = {
    "unfollow ada's follow": (UNFOLLOW, {"r": "A1"}, "NO_CHANGE"),
    "claim ada's record": (CLAIM, {"r": "A1"}, "BAD_INPUT"),
    "review ada's claim": (REVIEW, {"c": "<pending>"}, "FORBIDDEN"),
    "set ada's record open": (OPEN, {"r": "A1"}, "FORBIDDEN"),
    "invite from ada's record": (INVITE, {"f": "A1", "t": "A3"}, "FORBIDDEN"),
    "invite to an unclaimed record": (INVITE, {"f": "A3", "t": "A2"}, "FORBIDDEN"),
}


class Owned:
    """A1 is ada's (approved claim, open to collaborate), A3 is bob's, A2 is unclaimed with a
    pending claim by ada; ada follows A1 and upvoted W1."""

    def __init__(self, graph: Graph, api: Api, tokens: dict[str, str]) -> None:
        graph.driver.execute_query(
            "CREATE (:Researcher {id: 'A1', name: 'Ada'}), (:Researcher {id: 'A2', name: 'Cy'}),"
            " (:Researcher {id: 'A3', name: 'Bob'}), (:Paper {id: 'W1', title: 'A', upvotes: 3})")
        for user, record in (("ada", "A1"), ("bob", "A3")):
            claim = api.data(CLAIM, tokens[user], r=record)["requestClaim"]["id"]
            api.data(REVIEW, tokens["admin"], c=claim)
        self.pending = api.data(CLAIM, tokens["ada"], r="A2")["requestClaim"]["id"]
        api.data("mutation { setOpenToCollaborate(researcherId: \"A1\", open: true) }",
                 tokens["ada"])
        api.data(FOLLOW, tokens["ada"], r="A1")
        api.data(UPVOTE, tokens["ada"], p="W1")
        self.graph = graph
        self.api = api
        self.tokens = tokens

    def variables(self, variables: dict[str, str]) -> dict[str, str]:
        return {k: self.pending if v == "<pending>" else v for k, v in variables.items()}

    def answer(self, document: str, variables: dict[str, str],
               headers: dict[str, str]) -> dict[str, Any]:
        response = self.api.client.post("/graphql", headers=headers, json={
            "query": document, "variables": self.variables(variables)})
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def owned(graph: Graph, api: Api, tokens: dict[str, str]) -> Owned:
    return Owned(graph, api, tokens)


def _wrong_credentials(owned: Owned) -> dict[str, dict[str, str]]:
    hashed = accounts.hash_token(owned.tokens["ada"])
    return {
        "no token": {},
        "a wrong token": {"Authorization": "Bearer not-a-token"},
        "the stored hash of a token": {"Authorization": f"Bearer {hashed}"},
        "a token one character off": {"Authorization": f"Bearer {owned.tokens['ada'][:-1]}x"},
    }


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_mutation_without_a_valid_token_is_unauthenticated_and_changes_nothing(
    owned: Owned, mutation: str
) -> None:
    document, variables = MUTATIONS[mutation]
    for credentials, headers in _wrong_credentials(owned).items():
        before = contents(owned.graph)
        body = owned.answer(document, variables, headers)
        assert body["data"] is None, credentials
        assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"], \
            credentials
        assert contents(owned.graph) == before, credentials


@pytest.mark.parametrize("case", sorted(AS_ANOTHER_USER))
def test_a_user_acting_on_what_is_not_theirs_is_refused_and_changes_nothing(
    owned: Owned, case: str
) -> None:
    document, variables, expected = AS_ANOTHER_USER[case]
    before = contents(owned.graph)
    body = owned.answer(document, variables, {"Authorization": f"Bearer {owned.tokens['bob']}"})
    if expected == "NO_CHANGE":
        assert "errors" not in body and body["data"] == {"unfollow": 1}
    else:
        assert [e["extensions"]["code"] for e in body["errors"]] == [expected]
    assert contents(owned.graph) == before


def test_the_claimant_cannot_approve_their_own_claim(owned: Owned) -> None:
    before = contents(owned.graph)
    body = owned.answer(REVIEW, {"c": "<pending>"},
                        {"Authorization": f"Bearer {owned.tokens['ada']}"})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert contents(owned.graph) == before


WRITES = ["CREATE (:Researcher {id: 'A9'})", "MATCH (n) DETACH DELETE n",
          "MATCH (r:Researcher {id: 'A1'}) SET r.name = 'Eve'",
          "MATCH (u:User) RETURN u.token_hash AS leaked"]


def test_the_cypher_endpoint_refuses_every_caller_but_an_admin_and_changes_nothing(
    owned: Owned,
) -> None:
    callers = {**_wrong_credentials(owned),
               "a user's token": {"Authorization": f"Bearer {owned.tokens['bob']}"}}
    before = contents(owned.graph)
    for credentials, headers in callers.items():
        for query in WRITES:
            response = owned.api.client.post("/api/cypher", json={"query": query},
                                             headers=headers)
            expected = (403, "FORBIDDEN") if credentials == "a user's token" else (
                401, "UNAUTHENTICATED")
            assert (response.status_code, response.json()["error"]["code"]) == expected, \
                (credentials, query)
    admin = {"Authorization": f"Bearer {owned.tokens['admin']}"}
    for query in WRITES[:3]:
        response = owned.api.client.post("/api/cypher", json={"query": query}, headers=admin)
        assert response.json()["error"]["code"] == "FORBIDDEN", query
    assert contents(owned.graph) == before
