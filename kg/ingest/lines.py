"""Numbered JSON records from a JSON Lines file, plain or gzip-compressed. Whatever cannot be
read as a JSON object comes out as a `BadLine` with its reason; reading goes on after it.

Reading is streamed and bounded, so a hostile file (a gzip bomb, one endless line, JSON nested
100,000 deep) costs neither memory nor the rest of the file: a line longer than
`max_line_bytes` is skipped a chunk at a time and only its first `PREFIX_BYTES` are kept for the
rejects file; a record nested deeper than `max_depth` is rejected.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.config import Settings

PREFIX_BYTES = 1000
_KEEP = b'[]{}"'
_NOT_KEPT = bytes(b for b in range(256) if b not in _KEEP)
_SQUARE = bytes.maketrans(b"{}", b"[]")
_STRING = re.compile(rb'"[^"]*"')


@dataclass(frozen=True)
class ReadLimits:
    """How large one line and how deep one record may be (KG_MAX_LINE_BYTES, KG_MAX_JSON_DEPTH)."""

    max_line_bytes: int = Settings.max_line_bytes
    max_depth: int = Settings.max_json_depth


@dataclass(frozen=True)
class Line:
    number: int
    raw: str
    record: dict[str, Any]


@dataclass(frozen=True)
class BadLine:
    number: int
    raw: str
    reason: str


def read_records(path: Path, limits: ReadLimits | None = None) -> Iterator[Line | BadLine]:
    limits = limits or ReadLimits()
    number = 0
    with _open(path) as stream:
        try:
            for number, (raw_bytes, whole) in enumerate(_lines(stream, limits), start=1):
                if not whole:
                    yield BadLine(number, _text(raw_bytes) + "…",
                                  f"line longer than {limits.max_line_bytes} bytes "
                                  "(KG_MAX_LINE_BYTES); only its start is kept here")
                    continue
                yield _decode(number, raw_bytes, limits.max_depth)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield BadLine(number + 1, "", f"compressed stream ends early or is corrupt: {exc}")


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _lines(stream: IO[bytes], limits: ReadLimits) -> Iterator[tuple[bytes, bool]]:
    """Each line, and whether it is whole: an overlong line is read past in chunks of at most
    `max_line_bytes` and comes out as its first `PREFIX_BYTES`."""
    limit = limits.max_line_bytes
    while chunk := stream.readline(limit + 1):
        if len(chunk) <= limit or chunk.endswith(b"\n"):
            yield chunk, True
            continue
        prefix = chunk[:PREFIX_BYTES]
        while chunk and not chunk.endswith(b"\n"):
            chunk = stream.readline(limit)
        yield prefix, False


def _text(raw_bytes: bytes) -> str:
    return raw_bytes.decode("utf-8", "replace").rstrip("\r\n")


def _decode(number: int, raw_bytes: bytes, max_depth: int) -> Line | BadLine:
    try:
        raw = raw_bytes.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return BadLine(number, _text(raw_bytes), f"not UTF-8: {exc.reason} at byte {exc.start}")
    if not raw.strip():
        return Line(number, raw, {})
    too_deep = f"JSON nested deeper than {max_depth} levels (KG_MAX_JSON_DEPTH)"
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return BadLine(number, raw, f"not JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return BadLine(number, raw, too_deep)
    if not isinstance(record, dict):
        return BadLine(number, raw, f"not a JSON object but a {type(record).__name__}")
    if _bracket_depth(raw_bytes, max_depth) > max_depth and _deeper_than(record, max_depth):
        return BadLine(number, raw, too_deep)
    return Line(number, raw, record)


def _bracket_depth(raw: bytes, limit: int) -> int:
    """How deep the brackets of a parsed JSON text nest, counted to `limit` + 1 at most: a
    bound of the nesting `_deeper_than` measures (empty containers count here), found with
    byte operations instead of a walk over every value. Escaped backslashes and quotes go
    first, then everything but quotes and brackets (braces become square brackets: balanced
    JSON nests alike), then the strings: two adjacent quotes are dropped without a pattern
    (an empty string, or the end of one string and the start of the next: every other
    quote keeps its parity), what strings remain (those holding brackets) by one. Each round
    then removes the innermost pairs, in one pass that does not look again at what it joined."""
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = raw.translate(_SQUARE, _NOT_KEPT).replace(b'""', b"")
    if b'"' in brackets:
        brackets = _STRING.sub(b"", brackets)
    depth = 0
    while brackets and depth <= limit:
        brackets = brackets.replace(b"[]", b"")
        depth += 1
    return depth


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether objects and lists nest more than `limit` levels (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item \
            if isinstance(item, list) else ()
        if children and depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
