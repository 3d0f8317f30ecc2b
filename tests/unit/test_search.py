"""Lucene query building of kg/search.py: escaping and the bound on words."""

from __future__ import annotations

from kg.search import lucene_prefix, lucene_terms


def test_lucene_syntax_is_escaped_and_operators_become_terms() -> None:
    assert lucene_terms('title:"x" AND y*') == 'title\\:\\"x\\" and y\\*'


def test_words_inside_a_token_count_towards_the_bound() -> None:
    query = lucene_terms("-".join(["basin"] * 2000), max_terms=32)
    assert query.split() == ["basin"] * 32


def test_tokens_are_kept_whole_until_the_bound_then_cut() -> None:
    assert lucene_terms("carbonate diagenesis a-b-c-d", max_terms=4) == \
        "carbonate diagenesis a b"
    assert lucene_terms("one two three", max_terms=2) == "one two"
    assert lucene_terms("-- ... one", max_terms=2) == "one"


def test_autocomplete_keeps_the_last_words() -> None:
    assert lucene_prefix(" ".join(f"w{i}" for i in range(100)), max_terms=2) == \
        "+w98 +(w99* w99)"
