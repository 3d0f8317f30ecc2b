"""Reading JSON Lines within bounds: overlong lines, deep nesting and the rejects file's prefix,
without a database."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from kg.ingest.lines import PREFIX_BYTES, BadLine, Line, ReadLimits, read_records
from kg.ingest.rejects import MAX_RAW_CHARS, RejectsFile

LIMITS = ReadLimits(max_line_bytes=1024, max_depth=8)


def _read(path: Path, content: bytes, limits: ReadLimits = LIMITS) -> list[Line | BadLine]:
    path.write_bytes(content)
    return list(read_records(path, limits))


def test_a_line_over_the_limit_is_rejected_with_only_its_start_and_the_next_line_is_read(
    tmp_path: Path
) -> None:
    lines = _read(tmp_path / "x.jsonl", b'{"a": 1}\n' + b"7" * 5000 + b'\n{"b": 2}\n')

    assert [type(line) for line in lines] == [Line, BadLine, Line]
    assert lines[1].number == 2 and "longer than 1024 bytes" in lines[1].reason
    assert lines[1].raw == "7" * PREFIX_BYTES + "…"
    assert lines[2].record == {"b": 2} and lines[2].number == 3


def test_a_line_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    body = b'{"a": "' + b"x" * (1024 - 10) + b'"}'
    assert len(body) == 1024 - 1

    [line] = _read(tmp_path / "x.jsonl", body + b"\n")

    assert isinstance(line, Line)


def test_an_endless_last_line_in_a_gzip_stream_is_skipped_in_chunks(tmp_path: Path) -> None:
    content = gzip.compress(b'{"a": 1}\n' + bytes(200_000))

    lines = _read(tmp_path / "x.jsonl.gz", content)

    assert isinstance(lines[0], Line)
    assert isinstance(lines[1], BadLine) and len(lines[1].raw) <= PREFIX_BYTES + 1


def test_json_nested_past_the_parser_or_the_limit_is_rejected(tmp_path: Path) -> None:
    deep = 100_000
    nine = {"a": [[[[[[[[1]]]]]]]]}
    eight = {"a": [[[[[[[1]]]]]]]}
    limits = ReadLimits(max_line_bytes=10 * deep, max_depth=8)
    lines = _read(tmp_path / "x.jsonl", b"\n".join([
        b'{"a": ' * deep + b"1" + b"}" * deep,
        json.dumps(nine).encode(),
        json.dumps(eight).encode(),
    ]) + b"\n", limits)

    assert [type(line) for line in lines] == [BadLine, BadLine, Line]
    assert all("nested deeper than 8 levels" in line.reason for line in lines[:2])


def test_the_rejects_file_keeps_only_the_start_of_a_long_raw_line(tmp_path: Path) -> None:
    rejects = RejectsFile(tmp_path / "r.jsonl", tmp_path / "x.jsonl")
    rejects.add(1, "too long", "y" * (3 * MAX_RAW_CHARS))
    rejects.add(2, "short", "z")
    rejects.close()

    first, second = map(json.loads, (tmp_path / "r.jsonl").read_text().splitlines())
    assert len(first["raw"]) == MAX_RAW_CHARS and first["raw_truncated"] is True
    assert second["raw"] == "z" and "raw_truncated" not in second
