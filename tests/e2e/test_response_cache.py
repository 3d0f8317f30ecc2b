"""Response caching that is never stale: answers kept per (document, variables, role) and
checked against the graph's version, which every write of every process changes; GET with ETag
and 304; automatic persisted queries."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import GraphQLApp, create_app
from api.graphql import cache
from api.graphql.cache import Lru
from api.graphql.limits import ValidDocuments
from testkit.datasets import IDB03_WORKS
from tests.e2e.conftest import Api
from tests.integration.kg_process import kg_env, run_kg

UPVOTES = "query ($p: ID!) { paper(id: $p) { title upvotes } }"
UPVOTE = "mutation ($p: ID!) { upvote(paperId: $p) }"
ME = "{ me { email } }"


def _get(api: Api, query: str, etag: str | None = None, **variables: object):
    headers = {"If-None-Match": etag} if etag else {}
    return api.client.get("/graphql", params={"query": query, "variables": json.dumps(variables)},
                          headers=headers)


def _reads(api: Api, query: str, **variables: object) -> tuple[int, dict]:
    before = api.graph.transactions_run
    data = api.data(query, **variables)
    return api.graph.transactions_run - before, data


def test_a_repeated_query_is_answered_from_the_cache_after_one_version_read(
        people, tokens, api: Api) -> None:
    first, answer = _reads(api, UPVOTES, p="W1")
    again, cached = _reads(api, UPVOTES, p="W1")
    assert cached == answer == {"paper": {"title": "A paper", "upvotes": 3}}
    assert first >= 1
    assert again == 1  # the graph's version, nothing else


def test_a_mutation_is_visible_on_the_very_next_request(people, tokens, api: Api) -> None:
    assert api.data(UPVOTES, p="W1")["paper"]["upvotes"] == 3
    assert api.data(UPVOTES, p="W1")["paper"]["upvotes"] == 3
    assert api.data(UPVOTE, tokens["ada"], p="W1") == {"upvote": 4}
    assert api.data(UPVOTES, p="W1")["paper"]["upvotes"] == 4


def test_an_ingest_by_kg_in_another_process_is_visible_on_the_very_next_request(
        graph, settings, api: Api, tmp_path: Path) -> None:
    with gzip.open(IDB03_WORKS, "rt", encoding="utf-8") as lines:
        work = next(lines)
    works = tmp_path / "one-work.jsonl"
    works.write_text(work, encoding="utf-8")
    paper_id = json.loads(work)["id"].rsplit("/", 1)[1]
    assert api.data(UPVOTES, p=paper_id) == {"paper": None}
    reads, cached = _reads(api, UPVOTES, p=paper_id)
    assert (reads, cached) == (1, {"paper": None})
    ingested = run_kg(kg_env(settings, tmp_path), "ingest", "openalex", str(works))
    assert ingested.returncode == 0, ingested.stderr
    assert api.data(UPVOTES, p=paper_id)["paper"]["title"] == json.loads(work)["title"]


def test_mutations_are_never_cached(people, tokens, api: Api) -> None:
    answers = []
    for user in ("ada", "bob", "admin"):  # the same document, variables and (for two) role
        response = api.client.post("/graphql", json={"query": UPVOTE, "variables": {"p": "W1"}},
                                   headers={"Authorization": f"Bearer {tokens[user]}"})
        assert response.headers["cache-control"] == "no-store"
        assert "etag" not in response.headers
        answers.append(response.json()["data"]["upvote"])
    assert answers == [4, 5, 6]


def test_an_answer_about_the_caller_is_never_served_to_another_caller(
        people, tokens, api: Api) -> None:
    for _ in range(2):
        assert api.data(ME, tokens["ada"]) == {"me": {"email": "ada@example.org"}}
        assert api.data(ME, tokens["bob"]) == {"me": {"email": "bob@example.org"}}
        assert api.data(ME) == {"me": None}
    response = api.client.post("/graphql", json={"query": ME},
                               headers={"Authorization": f"Bearer {tokens['ada']}"})
    assert response.headers["cache-control"] == "no-store"


def test_a_wrong_token_is_refused_even_when_the_answer_is_kept(people, tokens, api: Api) -> None:
    query = "{ me { email } paper(id: \"W1\") { title } }"
    assert api.data(query, tokens["ada"])["me"] == {"email": "ada@example.org"}
    assert api.error_code(query, "not-a-token") == "UNAUTHENTICATED"


def test_get_answers_carry_an_etag_and_an_unchanged_answer_is_304(
        people, tokens, api: Api) -> None:
    first = _get(api, UPVOTES, p="W1")
    assert first.status_code == 200 and first.json()["data"]["paper"]["upvotes"] == 3
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    unchanged = _get(api, UPVOTES, etag, p="W1")
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    api.data(UPVOTE, tokens["ada"], p="W1")
    changed = _get(api, UPVOTES, etag, p="W1")
    assert changed.status_code == 200 and changed.json()["data"]["paper"]["upvotes"] == 4
    assert changed.headers["etag"] != etag


def test_a_mutation_over_get_is_refused(people, tokens, api: Api) -> None:
    response = _get(api, UPVOTE, p="W1")
    assert response.status_code == 400
    assert api.data(UPVOTES, p="W1")["paper"]["upvotes"] == 3


def test_a_persisted_query_runs_by_its_hash_once_the_server_has_seen_it(
        people, tokens, api: Api) -> None:
    digest = hashlib.sha256(UPVOTES.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    unknown = api.client.post("/graphql", json={"variables": {"p": "W1"},
                                                "extensions": extensions}).json()
    assert unknown["errors"][0]["message"] == "PersistedQueryNotFound"
    assert unknown["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    registered = api.client.post("/graphql", json={
        "query": UPVOTES, "variables": {"p": "W1"}, "extensions": extensions}).json()
    assert registered["data"]["paper"]["upvotes"] == 3
    by_hash = api.client.get("/graphql", params={
        "variables": json.dumps({"p": "W1"}), "extensions": json.dumps(extensions)})
    assert by_hash.status_code == 200 and by_hash.json()["data"]["paper"]["upvotes"] == 3
    assert by_hash.headers["etag"]


def test_a_persisted_query_whose_hash_does_not_match_is_bad_input(people, api: Api) -> None:
    wrong = {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}
    body = api.client.post("/graphql", json={"query": UPVOTES, "variables": {"p": "W1"},
                                             "extensions": wrong}).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    odd = {"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}}
    body = api.client.post("/graphql", json={"query": UPVOTES, "extensions": odd}).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"


class _ViewCalls:
    """How many requests strawberry's view (`GraphQLApp.run`) answered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = GraphQLApp.run

        async def counted(view: GraphQLApp, *args: object, **kwargs: object) -> object:
            self.count += 1
            return await real(view, *args, **kwargs)

        monkeypatch.setattr(GraphQLApp, "run", counted)


def _sent(response: Any) -> tuple[int, bytes, dict[str, str]]:
    return response.status_code, response.content, {
        name: value for name, value in response.headers.items() if name != "x-request-id"}


def test_a_kept_answer_is_sent_without_the_view_with_the_first_answers_body_and_headers(
        people, api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _ViewCalls(monkeypatch)
    body = {"query": UPVOTES, "variables": {"p": "W1"}}
    first = api.client.post("/graphql", json=body)
    again = api.client.post("/graphql", json=body)
    assert view.count == 1
    assert _sent(again) == _sent(first)
    assert first.json() == {"data": {"paper": {"title": "A paper", "upvotes": 3}}}
    assert again.headers["etag"] and again.headers["cache-control"] == "no-cache"
    unchanged = api.client.post("/graphql", json=body,
                                headers={"If-None-Match": first.headers["etag"]})
    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert unchanged.headers["etag"] == first.headers["etag"]
    assert view.count == 1


def test_a_kept_answer_is_not_sent_once_a_write_changed_the_graph(
        people, tokens, api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _ViewCalls(monkeypatch)
    assert api.data(UPVOTES, p="W1")["paper"]["upvotes"] == 3
    assert api.data(UPVOTE, tokens["ada"], p="W1") == {"upvote": 4}
    assert api.data(UPVOTES, p="W1")["paper"]["upvotes"] == 4
    assert view.count == 3


def test_requests_the_kept_path_does_not_read_get_the_views_answer(
        people, tokens, api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    body = {"query": UPVOTES, "variables": {"p": "W1"}}
    kept = api.client.post("/graphql", json=body)
    view = _ViewCalls(monkeypatch)
    others = [
        api.client.post("/graphql", json=body, headers={"Authorization": "Bearer not-a-token"}),
        api.client.post("/graphql", json={**body, "unknown": 1}),
        api.client.post("/graphql", json={**body, "extensions": []}),
        api.client.post("/graphql", json={**body, "variables": ["W1"]}),
        api.client.post("/graphql", content=json.dumps(body).encode() + b"\xff",
                        headers={"Content-Type": "application/json"}),
        api.client.post("/graphql", content=json.dumps(body),
                        headers={"Content-Type": "text/plain"}),
    ]
    assert view.count == len(others)
    assert [r.status_code for r in others] == [200, 200, 400, 400, 400, 400]
    assert others[0].json() == others[1].json() == kept.json()
    assert all(r.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT" for r in others[2:])


def test_a_kept_answer_over_the_response_cap_is_still_refused(
        people, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    body = {"query": UPVOTES, "variables": {"p": "W1"}}
    with TestClient(create_app(dataclasses.replace(settings, max_response_bytes=30))) as client:
        answers = [client.post("/graphql", json=body).json() for _ in range(2)]
    assert [a["errors"][0]["extensions"]["code"] for a in answers] == ["RESPONSE_TOO_LARGE"] * 2


def _memos(app: Any) -> list[Lru]:
    """The per-document memos of the app's schema, and its kept answers."""
    view = next(route.endpoint for route in app.routes if getattr(route, "path", "") == "/graphql")
    memos = [view.answers, view.persisted._documents, cache._QUERIES]
    for factory in view.schema.extensions:
        for argument in (*getattr(factory, "args", ()), *getattr(factory, "keywords", {}).values()):
            if isinstance(argument, Lru):
                memos.append(argument)
            elif isinstance(argument, ValidDocuments):
                memos.append(argument._texts)
    return memos


def test_distinct_large_documents_and_answers_stay_within_the_memos_budgets(
        people, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    document_budget, answer_budget = 400_000, 1_000
    monkeypatch.setattr(cache, "DOCUMENT_CACHE_CHARS", document_budget)
    monkeypatch.setattr(cache, "_QUERIES", Lru(1024, document_budget))
    bounded = dataclasses.replace(settings, response_cache_bytes=answer_budget)
    filler = "#" + "x" * 29_998 + "\n"
    with TestClient(create_app(bounded)) as client:
        memos = _memos(client.app)
        assert len(memos) == 6
        for turn in range(40):  # 1.2 MB of documents, each valid, parsed and answered
            document = f"# {turn}\n{filler}{{ paper(id: \"W1\") {{ title upvotes }} }}"
            body = client.post("/graphql", json={"query": document}).json()
            assert body == {"data": {"paper": {"title": "A paper", "upvotes": 3}}}
    assert memos[0].bytes <= answer_budget and len(memos[0]) == 20  # 50 bytes an answer
    for memo in memos[1:]:
        assert memo.bytes <= document_budget
    assert max(len(memo) for memo in memos[1:]) == 13  # 30 KB a document


def test_answers_past_the_byte_budget_leave_and_are_computed_again(
        people, settings, monkeypatch: pytest.MonkeyPatch) -> None:
    kept_answer = len(b'{"data":{"paper":{"title":"A paper","upvotes":3}}}')
    bounded = dataclasses.replace(settings, response_cache_bytes=kept_answer)
    with TestClient(create_app(bounded)) as client:
        api = Api(client)
        view = _ViewCalls(monkeypatch)
        answers = [api.data(UPVOTES, p="W1"), api.data(UPVOTES, p="W1")]
        assert view.count == 1  # the second was kept
        api.data("query ($p: ID!) { paper(id: $p) { upvotes title } }", p="W1")
        answers.append(api.data(UPVOTES, p="W1"))
    assert answers == [{"paper": {"title": "A paper", "upvotes": 3}}] * 3
    assert view.count == 3  # the first answer left for the second document's
