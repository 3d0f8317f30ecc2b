"""Races: every account rule holds when many callers act on one record at the same moment.

Each test starts real threads behind a barrier, so the calls reach Neo4j together; each rule is
checked and written inside one write transaction that first locks the contended node, so the
losers see the winner's write and are refused with the rule's own error."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest

from kg import accounts
from kg.accounts import User
from kg.db.graph import Graph
from kg.errors import AlreadyExists, BadInput, Forbidden, KgError
from testkit import concurrency

THREADS = 20
ORCID = "0000-0002-1825-0097"
CLAIM = """mutation ($r: ID!, $value: String!) {
  requestClaim(researcherId: $r, evidence: {kind: ORCID, value: $value}) { id } }"""


def at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls at once; each result, or the KgError it raised (any other error fails)."""
    results = concurrency.at_once(calls, timeout=120)
    unexpected = [r for r in results if isinstance(r, Exception) and not isinstance(r, KgError)]
    assert not unexpected, unexpected
    return results


def _count(graph: Graph, query: str, **params: Any) -> int:
    records, _, _ = graph.driver.execute_query(query, params)
    return records[0][0]


@pytest.fixture
def record(graph: Graph) -> Graph:
    graph.driver.execute_query(
        "CREATE (:Researcher {id: 'A1', name: 'Ada'}), (:Researcher {id: 'A2', name: 'Bob'}),"
        " (:Paper {id: 'W1', title: 'A paper', upvotes: 3})")
    return graph


def _users(graph: Graph, count: int, admin: bool = False) -> list[User]:
    kind = "admin" if admin else "user"
    return [accounts.create_user(graph, f"{kind}{i}@example.org", admin=admin)[0]
            for i in range(count)]


def _approve(graph: Graph, user: User, admin: User, researcher_id: str) -> None:
    claim = accounts.request_claim(graph, user, researcher_id, "orcid", ORCID)
    accounts.review_claim(graph, admin, claim.id, approve=True)


def test_twenty_simultaneous_claim_requests_by_one_user_leave_one_pending_claim(record) -> None:
    ada = _users(record, 1)[0]
    results = at_once([lambda: accounts.request_claim(record, ada, "A1", "orcid", ORCID)
                       for _ in range(THREADS)])
    assert sum(isinstance(r, accounts.Claim) for r in results) == 1
    assert all(isinstance(r, AlreadyExists) for r in results if not isinstance(r, accounts.Claim))
    assert _count(record, "MATCH (:User)-[c:CLAIMED]->(:Researcher {id: 'A1'}) "
                          "RETURN count(c)") == 1


def test_claims_of_many_users_approved_by_many_admins_at_once_approve_exactly_one(record) -> None:
    users, admins = _users(record, 10), _users(record, 10, admin=True)
    claims = [accounts.request_claim(record, u, "A1", "orcid", ORCID) for u in users]
    results = at_once([lambda c=c, a=a: accounts.review_claim(record, a, c.id, approve=True)
                       for c, a in zip(claims, admins, strict=True)])
    assert sum(isinstance(r, accounts.Claim) for r in results) == 1
    assert all(isinstance(r, AlreadyExists) for r in results if not isinstance(r, accounts.Claim))
    assert _count(record, "MATCH (:User)-[c:CLAIMED {status: 'approved'}]->(:Researcher "
                          "{id: 'A1'}) RETURN count(c)") == 1


def test_one_claim_approved_and_rejected_at_once_is_decided_once(record) -> None:
    ada, admins = _users(record, 1)[0], _users(record, THREADS, admin=True)
    claim = accounts.request_claim(record, ada, "A1", "orcid", ORCID)
    results = at_once([lambda a=a, i=i: accounts.review_claim(record, a, claim.id, i % 2 == 0)
                       for i, a in enumerate(admins)])
    decided = [r for r in results if isinstance(r, accounts.Claim)]
    assert len(decided) == 1
    assert all(isinstance(r, BadInput) for r in results if not isinstance(r, accounts.Claim))
    records, _, _ = record.driver.execute_query(
        "MATCH ()-[c:CLAIMED {id: $id}]->() RETURN c.status AS status, c.reviewer_id AS by",
        {"id": claim.id})
    assert records[0]["status"] == decided[0].status


def test_after_simultaneous_approvals_only_one_claimant_acts_for_the_record(record) -> None:
    users, admins = _users(record, 2), _users(record, 2, admin=True)
    claims = [accounts.request_claim(record, u, "A1", "orcid", ORCID) for u in users]
    at_once([lambda c=c, a=a: accounts.review_claim(record, a, c.id, approve=True)
             for c, a in zip(claims, admins, strict=True)])
    carol = accounts.create_user(record, "carol@example.org")[0]
    _approve(record, carol, admins[0], "A2")
    opened = at_once([lambda u=u: accounts.set_open_to_collaborate(record, u, "A1", True)
                      for u in users])
    invited = at_once([lambda u=u: accounts.invite(record, u, "A1", "A2", "Shall we?")
                       for u in users])
    for results in (opened, invited):
        assert sum(not isinstance(r, Exception) for r in results) == 1
        assert sum(isinstance(r, Forbidden) for r in results) == 1


def test_invitations_sent_at_once_by_the_claimant_all_land_each_once(record) -> None:
    ada, bob = _users(record, 2)
    admin = _users(record, 1, admin=True)[0]
    _approve(record, ada, admin, "A1")
    _approve(record, bob, admin, "A2")
    results = at_once([lambda: accounts.invite(record, ada, "A1", "A2", "Shall we?")
                       for _ in range(THREADS)])
    assert all(isinstance(r, accounts.Invitation) for r in results)
    assert len({r.id for r in results}) == THREADS
    assert _count(record, "MATCH ()-[i:INVITED]->(:Researcher {id: 'A2'}) "
                          "RETURN count(i)") == THREADS


def test_twenty_simultaneous_follows_by_one_user_leave_one_follow(record) -> None:
    ada = _users(record, 1)[0]
    results = at_once([lambda: accounts.follow(record, ada, "A1") for _ in range(THREADS)])
    assert results == [1] * THREADS
    assert _count(record, "MATCH (:User)-[f:FOLLOWS]->(:Researcher {id: 'A1'}) "
                          "RETURN count(f)") == 1


def test_follows_and_unfollows_at_once_leave_one_edge_per_follower(record) -> None:
    users = _users(record, 4)
    follows = [i % 2 == 1 for i in range(THREADS)]
    results = at_once([
        lambda i=i: (accounts.follow if follows[i] else accounts.unfollow)(record, users[i % 4],
                                                                            "A1")
        for i in range(THREADS)])
    assert all(1 <= r <= 4 for r, f in zip(results, follows, strict=True) if f)
    assert all(0 <= r <= 3 for r, f in zip(results, follows, strict=True) if not f)
    edges = _count(record, "MATCH (:User)-[f:FOLLOWS]->(:Researcher {id: 'A1'}) RETURN count(f)")
    followers = _count(record, "MATCH (u:User)-[:FOLLOWS]->(:Researcher {id: 'A1'}) "
                               "RETURN count(DISTINCT u)")
    assert edges == followers


def test_twenty_simultaneous_upvotes_by_one_user_count_once(record) -> None:
    ada = _users(record, 1)[0]
    results = at_once([lambda: accounts.upvote(record, ada, "W1") for _ in range(THREADS)])
    assert results == [4] * THREADS
    assert _count(record, "MATCH (:User)-[v:UPVOTED]->(:Paper {id: 'W1'}) "
                          "RETURN count(v)") == 1


def test_twenty_simultaneous_sign_ups_with_one_email_create_one_account(record) -> None:
    results = at_once([lambda: accounts.create_user(record, "same@example.org")
                       for _ in range(THREADS)])
    assert sum(isinstance(r, tuple) for r in results) == 1
    assert all(isinstance(r, AlreadyExists) for r in results if not isinstance(r, tuple))
    assert _count(record, "MATCH (u:User {email: 'same@example.org'}) RETURN count(u)") == 1


def test_twenty_simultaneous_claim_requests_over_http_leave_one_pending_claim(
    record, tokens, live_server: str
) -> None:
    body = json.dumps({"query": CLAIM, "variables": {"r": "A1", "value": ORCID}}).encode()

    def post() -> dict[str, Any]:
        request = urllib.request.Request(
            f"{live_server}/graphql", data=body,
            headers={"Content-Type": "application/json",
                     "Authorization": f"Bearer {tokens['ada']}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    answers = at_once([post for _ in range(THREADS)])
    codes = sorted(a["errors"][0]["extensions"]["code"] if "errors" in a else "OK"
                   for a in answers)
    assert codes == ["BAD_INPUT"] * (THREADS - 1) + ["OK"]
    assert _count(record, "MATCH (:User)-[c:CLAIMED]->(:Researcher {id: 'A1'}) "
                          "RETURN count(c)") == 1
