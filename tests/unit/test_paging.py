"""Cursors: the faster encoding writes the very bytes the json module wrote, so a cursor issued
before the change still resumes a listing after it, and the other way round; a page's cursors
are encoded when read, and equal the list encoded at once."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.paging import decode_cursor, encode_cursor, page_of


def _json_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()


PARTS = st.one_of(st.integers(), st.text(), st.booleans(), st.none(),
                  st.floats(allow_nan=False, allow_infinity=False),
                  st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127)))


@given(st.lists(PARTS, max_size=5))
def test_a_cursor_is_the_json_modules_encoding_of_its_key(key: list[Any]) -> None:
    assert encode_cursor(key) == _json_cursor(key)


def test_keys_the_fast_path_does_not_cover_are_encoded_as_before() -> None:
    for key in ([1 << 70, "x"], ['a"b', 1], ["a\\b", 2], ["tab\there", 3], ["é", 4],
                [1e16, "W1"], [0.1, None]):
        assert encode_cursor(key) == _json_cursor(key)


def test_a_cursor_decodes_to_its_key() -> None:
    assert decode_cursor(encode_cursor([12, -1, "A5012345678"]), (int, int, str)) == [
        12, -1, "A5012345678"]


def test_a_pages_cursors_are_encoded_only_when_read_and_equal_the_eager_list() -> None:
    items = [[i, f"R{i}"] for i in range(10)]
    encoded: list[Any] = []

    def cursor_of(item: list[Any]) -> str:
        encoded.append(item)
        return encode_cursor(item)

    page = page_of([*items, [99, "next"]], 10, 11, cursor_of)
    assert encoded == [] and page.has_next_page
    assert page.end_cursor == encode_cursor(items[-1])
    assert encoded == [items[-1]]
    eager = [encode_cursor(item) for item in items]
    assert page.cursors == eager and eager == page.cursors
    assert list(page.cursors) == eager and page.cursors[2:4] == eager[2:4]
    assert len(encoded) == 10  # each encoded once
    assert page.cursors != eager[:-1]
    with pytest.raises(IndexError):
        page.cursors[10]


def test_an_empty_page_has_no_cursor() -> None:
    page = page_of([], 10, 0, encode_cursor)
    assert page.end_cursor is None and list(page.cursors) == [] and page.cursors == []
