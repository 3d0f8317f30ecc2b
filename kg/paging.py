"""Keyset pagination: a cursor is the opaque, URL-safe encoding of the sort key of the last item
seen, so a page never repeats or skips items when earlier pages change size. Every paged service
returns a `Page`; the largest page is `Settings.max_page_size` (KG_MAX_PAGE_SIZE), the same limit
the API checks before it calls a service."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import orjson

from kg.errors import BadInput

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    cursors: Sequence[str]  # a list, or `Cursors` encoded when read
    total_count: int
    has_next_page: bool
    # the nodes the items name, {id: node}, when the page's query read them too
    nodes: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # what the page's query read of the node the page belongs to, when asked to
    owner: Any = field(default=None, compare=False, repr=False)

    @property
    def end_cursor(self) -> str | None:
        return self.cursors[-1] if self.cursors else None


class Cursors(Sequence[str]):
    """The cursors of a page's items, each encoded when it is first read: a profile's page of
    100 co-authors whose edges' cursors are not asked for encodes none of them (they were 4% of
    the request's CPU). Equal to the list of the same cursors."""

    __slots__ = ("_items", "_cursor_of", "_known")

    def __init__(self, items: Sequence[T], cursor_of: Callable[[T], str]) -> None:
        self._items: Sequence[Any] = items
        self._cursor_of: Callable[[Any], str] = cursor_of
        self._known: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._items))[index]]
        position = range(len(self._items))[index]  # IndexError as a list's
        cursor = self._known.get(position)
        if cursor is None:
            cursor = self._known[position] = self._cursor_of(self._items[position])
        return cursor

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Cursors | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self))


def page_of(fetched: Sequence[T], first: int, total_count: int,
            cursor_of: Callable[[T], str]) -> Page[T]:
    """The page of the first `first` items of `fetched`, which a query asked for as `first + 1`
    so that one more item says a next page exists."""
    items = list(fetched[:first])
    return Page(items=items, cursors=Cursors(items, cursor_of),
                total_count=total_count, has_next_page=len(fetched) > first)


def pages_of_owners(rows: Iterable[dict[str, Any]], owner_ids: list[str], first: int,
                    member: str, item: Callable[[dict[str, Any]], T]) -> dict[str, Page[T]]:
    """One page per owner from the rows of a query that fetched `first + 1` members per owner
    (`of_id`, the `member` id, `sort_key`, `total`); a row whose member is null carries only the
    total, and an owner without rows gets an empty page."""
    grouped: dict[str, list[dict[str, Any]]] = {owner: [] for owner in owner_ids}
    totals = dict.fromkeys(owner_ids, 0)
    for row in rows:
        if row[member] is not None:
            grouped[row["of_id"]].append(row)
        totals[row["of_id"]] = row["total"]
    return {owner: Page(items=[item(row) for row in found[:first]],
                        cursors=[encode_cursor([row["sort_key"], row[member]])
                                 for row in found[:first]],
                        total_count=totals[owner], has_next_page=len(found) > first)
            for owner, found in grouped.items()}


def check_first(first: int, maximum: int) -> int:
    if not 1 <= first <= maximum:
        raise BadInput(f"first must be between 1 and {maximum}, got {first}")
    return first


def encode_cursor(key: list[Any]) -> str:
    """Compact JSON, base64url. A key of 64-bit integers, booleans, nulls and printable ASCII
    text without quote or backslash is written by orjson, whose bytes for those equal the json
    module's (tests/unit/test_paging.py); anything else by the json module. A page of 100
    co-authors encodes 100 cursors: the json module took a sixth of the profile's CPU."""
    if all(_same_in_orjson(part) for part in key):
        return base64.urlsafe_b64encode(orjson.dumps(key)).decode()
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()


def _same_in_orjson(part: Any) -> bool:
    kind = type(part)
    if kind is int:
        return -(1 << 63) <= part < 1 << 63
    if kind is str:
        return part.isascii() and part.isprintable() and '"' not in part and "\\" not in part
    return part is None or kind is bool


def decode_cursor(
    cursor: str | None, shape: tuple[type | tuple[type, ...], ...]
) -> list[Any] | None:
    """The sort key a cursor encodes, checked against the types of its parts; None for no cursor;
    BadInput for a cursor this list did not issue."""
    if cursor is None:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, UnicodeError):
        raise BadInput("the cursor is not valid") from None
    if not (isinstance(key, list) and len(key) == len(shape) and all(
            isinstance(part, kind) and not isinstance(part, bool)
            for part, kind in zip(key, shape, strict=True))):
        raise BadInput("the cursor is not valid")
    return key
