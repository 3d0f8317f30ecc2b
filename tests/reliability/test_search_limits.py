"""Search and autocomplete on long and many-worded inputs: a bounded query reaches Lucene, so its
own limits (1024 clauses, automaton size, term length) are never hit, and an over-long text is a
clear BAD_INPUT that names the bound, never Lucene's or Java's words."""

from __future__ import annotations

import pytest

from kg.db.graph import Graph
from tests.e2e.conftest import Api

LEAKS = ("maxClauseCount", "automaton", "lucene", "java", "Exception", "TooManyClauses")

SEARCH = "query ($q: String!) { search(query: $q) { id } }"
AUTOCOMPLETE = "query ($q: String!) { autocomplete(prefix: $q) { id } }"

LONG_INPUTS = {
    "2,000 words joined by hyphens": "-".join(["basin"] * 2000),
    "2,000 words": " ".join(f"w{i}" for i in range(2000)),
    "one 100,000-letter word": "a" * 100_000,
    "one 400-letter word": "a" * 400,
    "2,000 one-letter words joined by dots": ".".join("abcdefghij" * 200),
    "a 1,000-character CJK run": "地质" * 500,
}


def _messages(body: dict) -> str:
    return " ".join(error["message"] for error in body.get("errors", []))


@pytest.mark.parametrize("document", [SEARCH, AUTOCOMPLETE], ids=["search", "autocomplete"])
@pytest.mark.parametrize("kind", sorted(LONG_INPUTS))
def test_long_search_text_finds_or_is_refused_without_lucene_words(
    idb03_graph: Graph, api: Api, document: str, kind: str
) -> None:
    body = api.query(document, q=LONG_INPUTS[kind])
    if body.get("errors"):
        assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_INPUT"], body
        message = _messages(body)
        assert not any(leak.lower() in message.lower() for leak in LEAKS), message
        assert "characters" in message or "words" in message or "letters" in message, message
    else:
        assert isinstance(body["data"], dict)


def test_search_text_over_the_character_bound_is_bad_input_naming_the_bound(
    idb03_graph: Graph, api: Api
) -> None:
    body = api.query(SEARCH, q="basin " * 1000)
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert str(api.client.app.state.settings.search_max_chars) in _messages(body)


def test_many_words_within_the_bound_still_find_the_first_ones(
    idb03_graph: Graph, api: Api
) -> None:
    hits = api.data(SEARCH, q="carbonate diagenesis " + "-".join(["zzq"] * 100))["search"]
    assert hits
