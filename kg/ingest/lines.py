"""Numbered JSON records from a JSON Lines file, plain or gzip-compressed. Whatever cannot be
read as a JSON object comes out as a `BadLine` with its reason; reading goes on after it."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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


def read_records(path: Path) -> Iterator[Line | BadLine]:
    number = 0
    with _open(path) as stream:
        try:
            for number, raw_bytes in enumerate(stream, start=1):
                yield _decode(number, raw_bytes)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield BadLine(number + 1, "", f"compressed stream ends early or is corrupt: {exc}")


def _open(path: Path):  # noqa: ANN202 - a binary line iterator of either kind
    with path.open("rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _decode(number: int, raw_bytes: bytes) -> Line | BadLine:
    try:
        raw = raw_bytes.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return BadLine(number, raw_bytes.decode("utf-8", "replace").rstrip("\r\n"),
                       f"not UTF-8: {exc.reason} at byte {exc.start}")
    if not raw.strip():
        return Line(number, raw, {})
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return BadLine(number, raw, f"not JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return BadLine(number, raw, f"not a JSON object but a {type(record).__name__}")
    return Line(number, raw, record)
