"""The lines of a JSON Lines file decoded and parsed by worker processes, in file order: what
`read_records` and a format's parser do one line at a time, spread over the machine's cores for
the bulk load (JSON decoding and parsing are most of its Python time).

The parent reads the file (gzip included) and hands out chunks of raw lines; a worker answers
each line with its record, or with the reason it was rejected and its raw text. At most
`2 * workers` chunks are out at once, so memory stays bounded whatever the file's size.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import re
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from kg.ingest.lines import BadLine, ReadLimits, _decode, _lines, _open, _text
from kg.ingest.records import RecordError

CHUNK_LINES = 1000
# a JSON string holds a line break only by an escape (json.loads refuses raw control
# characters); an escaped backslash before an n makes a false alarm, never a miss
_LINE_BREAK = re.compile(rb"\\(?:[nr]|u000[aAdD])")
WHOLE, LONG, CORRUPT = 0, 1, 2  # what a raw line is


class Parsed(NamedTuple):
    """A worker sends it as a plain tuple: unpickling a named tuple or a dataclass calls Python
    code per line in the parent, the one process every line passes through."""

    number: int
    record: Any
    newline: bool = False  # whether a string of the line may hold a line break (an escape)


@dataclass(frozen=True)
class Rejected:
    number: int
    raw: str
    reason: str


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def parse_file(path: Path, parse: Callable[[dict[str, Any]], Any], workers: int,
               limits: ReadLimits | None = None) -> Iterator[Parsed | Rejected]:
    """Every non-blank line of `path` as its parsed record or its rejection, in file order."""
    limits = limits or ReadLimits()
    if workers <= 1:
        for item in _numbered(path, limits):
            yield from _items(_parse_chunk(parse, limits.max_depth, [item],
                                           limits.max_line_bytes))
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        pending: deque[Any] = deque()
        chunk: list[tuple[int, bytes, int]] = []
        for item in _numbered(path, limits):
            chunk.append(item)
            if len(chunk) >= CHUNK_LINES:
                pending.append(pool.apply_async(
                    _parse_chunk, (parse, limits.max_depth, chunk, limits.max_line_bytes)))
                chunk = []
                while len(pending) > 2 * workers:
                    yield from _items(pending.popleft().get())
        if chunk:
            pending.append(pool.apply_async(
                _parse_chunk, (parse, limits.max_depth, chunk, limits.max_line_bytes)))
        while pending:
            yield from _items(pending.popleft().get())


def _items(found: list[tuple[int, Any, bool] | Rejected]) -> Iterator[Parsed | Rejected]:
    for item in found:
        yield Parsed._make(item) if type(item) is tuple else item


def _numbered(path: Path, limits: ReadLimits) -> Iterator[tuple[int, bytes, int]]:
    """(line number, raw bytes, WHOLE or LONG) of every line; a corrupt compressed stream ends
    with (number, reason, CORRUPT)."""
    number = 0
    with _open(path) as stream:
        try:
            for number, (raw_bytes, whole) in enumerate(_lines(stream, limits), start=1):
                yield number, raw_bytes, WHOLE if whole else LONG
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield number + 1, f"compressed stream ends early or is corrupt: {exc}".encode(), CORRUPT


def _parse_chunk(parse: Callable[[dict[str, Any]], Any], max_depth: int,
                 chunk: list[tuple[int, bytes, int]],
                 max_line_bytes: int) -> list[tuple[int, Any, bool] | Rejected]:
    """Each line's (number, record, newline) of a `Parsed`, or its `Rejected`."""
    found: list[tuple[int, Any, bool] | Rejected] = []
    for number, raw_bytes, kind in chunk:
        if kind == CORRUPT:
            found.append(Rejected(number, "", raw_bytes.decode()))
            continue
        if kind == LONG:
            found.append(Rejected(number, _text(raw_bytes) + "…",
                                  f"line longer than {max_line_bytes} bytes "
                                  "(KG_MAX_LINE_BYTES); only its start is kept here"))
            continue
        line = _decode(number, raw_bytes, max_depth)
        if isinstance(line, BadLine):
            found.append(Rejected(number, line.raw, line.reason))
        elif line.record:
            try:
                found.append((number, parse(line.record), b"\\" in raw_bytes
                              and _LINE_BREAK.search(raw_bytes) is not None))
            except RecordError as exc:
                found.append(Rejected(number, line.raw, str(exc)))
    return found
