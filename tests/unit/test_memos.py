"""The API's memos are bounded by their bytes as well as their entries: distinct large documents
or answers cannot grow a process past the bounds (api/graphql/cache.py)."""

from __future__ import annotations

import pytest

from api.graphql import cache
from api.graphql.cache import DOCUMENT_CACHE_CHARS, Lru, PersistedQueries, is_query, sha256


def test_the_least_recently_used_entries_leave_once_the_bytes_pass_the_budget() -> None:
    kept = Lru(10, max_bytes=100)
    for key in "abcd":
        kept.put(key, key.upper(), 30)
    assert (len(kept), kept.bytes) == (3, 90)
    assert kept.get("a") is None
    assert kept.get("b") == "B"  # now the most recently used
    kept.put("e", "E", 30)
    assert [k for k in "bcde" if kept.get(k) is not None] == ["b", "d", "e"]
    assert kept.bytes == 90


def test_an_entry_larger_than_the_budget_is_not_kept_and_replaces_nothing_but_its_key() -> None:
    kept = Lru(10, max_bytes=100)
    kept.put("small", 1, 40)
    kept.put("huge", 2, 101)
    assert (kept.get("small"), kept.get("huge"), kept.bytes) == (1, None, 40)
    kept.put("small", 3, 101)  # the same key grown past the budget: the old value goes too
    assert (kept.get("small"), kept.bytes, len(kept)) == (None, 0, 0)


def test_replacing_an_entry_counts_its_bytes_once() -> None:
    kept = Lru(10, max_bytes=100)
    for _ in range(5):
        kept.put("a", "A", 60)
    assert (kept.bytes, len(kept)) == (60, 1)


def test_an_lru_without_a_byte_budget_is_bounded_by_entries() -> None:
    kept = Lru(2)
    for key in "abc":
        kept.put(key, key, 10**9)
    assert (len(kept), kept.get("a")) == (2, None)


def test_persisted_documents_hold_at_most_the_document_budget() -> None:
    persisted = PersistedQueries(10_000)
    text = "{ __typename }" + " " * (DOCUMENT_CACHE_CHARS // 4)
    for turn in range(12):
        document = f"# {turn}\n{text}"
        extensions = {"persistedQuery": {"version": 1, "sha256Hash": sha256(document)}}
        assert persisted.document(document, extensions) == document
    assert persisted._documents.bytes <= DOCUMENT_CACHE_CHARS
    assert len(persisted._documents) == 3


def test_the_kinds_of_large_documents_are_remembered_within_the_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = Lru(1024, max_bytes=1_000)
    monkeypatch.setattr(cache, "_QUERIES", kinds)
    text = "query Q { __typename }" + " " * 300
    for turn in range(10):
        assert is_query(f"# {turn}\n{text}", "Q")
        assert not is_query(f"# {turn}\n{text}", "Other")
    assert kinds.bytes <= 1_000 and len(kinds) == 3
