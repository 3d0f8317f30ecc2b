"""Pure parts of api/rest.py: If-None-Match lists and the nesting depth of JSON values."""

from __future__ import annotations

import json

import pytest

from api.rest import MAX_PARAMS_DEPTH, _depth, etag_matches

ETAG = '"0123abcd"'


@pytest.mark.parametrize("header", [ETAG, f"W/{ETAG}", f'"x", {ETAG}', f'"x",,{ETAG} ', "*",
                                    " * "])
def test_if_none_match_matches_a_listed_tag_or_star(header: str) -> None:
    assert etag_matches(header, ETAG)


@pytest.mark.parametrize("header", [None, "", '"x"', f"x{ETAG}", f'"{ETAG}"', '"0123abc"',
                                    '"0123abcd', f"{ETAG} junk", '"a", *'])
def test_if_none_match_does_not_match_by_substring_or_a_malformed_list(
    header: str | None
) -> None:
    assert not etag_matches(header, ETAG)


def test_depth_counts_nested_lists_and_objects_without_recursion() -> None:
    assert _depth(None) == 0
    assert _depth({}) == 1
    assert _depth({"a": [1, {"b": []}]}) == 4
    deep = json.loads("[" * 900 + "]" * 900)
    assert _depth(deep) == MAX_PARAMS_DEPTH + 1  # stops counting past the bound
