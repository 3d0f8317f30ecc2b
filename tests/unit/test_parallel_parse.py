"""The bulk load's parallel parsing: worker processes give the same records and the same
rejections as reading and parsing line by line, in file order, whatever the chunking; and the
JSON depth bound from raw bytes never lets a too-deep record through. No database."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from kg.ingest import parallel_parse
from kg.ingest.lines import BadLine, ReadLimits, _bracket_depth, _deeper_than, read_records
from kg.ingest.openalex import parse_work
from kg.ingest.parallel_parse import Parsed, Rejected, parse_file
from kg.ingest.records import RecordError
from testkit import generator
from testkit.datasets import IDB03_WORKS

LIMITS = ReadLimits(max_line_bytes=65536, max_depth=8)


def _sequential(path: Path, limits: ReadLimits) -> list[tuple[int, str, str]]:
    found = []
    for line in read_records(path, limits):
        if isinstance(line, BadLine):
            found.append((line.number, "rejected", line.reason))
        elif line.record:
            try:
                found.append((line.number, "parsed", parse_work(line.record).id))
            except RecordError as exc:
                found.append((line.number, "rejected", str(exc)))
    return found


def _parallel(path: Path, limits: ReadLimits, workers: int) -> list[tuple[int, str, str]]:
    return [(item.number, "parsed", item.record.id) if isinstance(item, Parsed)
            else (item.number, "rejected", item.reason)
            for item in parse_file(path, parse_work, workers, limits)]


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_give_the_records_and_rejections_of_line_by_line_parsing_in_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(parallel_parse, "CHUNK_LINES", 7)
    works = tmp_path / "works.jsonl"
    generator.write(works, 40, seed=3)
    good = works.read_text().splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        good[0], "not json", "", json.dumps({"title": "no id"}), "[1, 2]",
        json.dumps({"id": "W1", "a": [[[[[[[[[1]]]]]]]]]}), "x" * 70000, *good[1:],
    ]) + "\n")

    expected = _sequential(path, LIMITS)
    assert _parallel(path, LIMITS, workers) == expected
    reasons = [reason for _, kind, reason in expected if kind == "rejected"]
    assert len(reasons) == 5 and any("nested deeper than 8" in r for r in reasons)
    assert sum(kind == "parsed" for _, kind, _ in expected) == 40


def test_a_truncated_gzip_file_ends_in_one_rejection_after_the_lines_before_it(
    tmp_path: Path
) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = gzip.decompress(IDB03_WORKS.read_bytes()).splitlines(keepends=True)[:200]
    whole = gzip.compress(b"".join(lines))
    path.write_bytes(whole[: len(whole) // 2])

    items = list(parse_file(path, parse_work, 2, LIMITS))

    assert all(isinstance(item, Parsed) for item in items[:-1]) and len(items) > 5
    assert isinstance(items[-1], Rejected) and "compressed stream" in items[-1].reason


def test_the_bracket_bound_is_never_below_the_nesting_of_values() -> None:
    texts = ['{"a": "[[[[\\"[["}', '[[], [[]]]', '{"a": {"b": [1, {"c": []}]}}',
             '["\\\\", ["]"]]', '{"k": "\\\\\\"{{{"}', json.dumps({"a": [[[[[[[[1]]]]]]]]})]
    for text in texts:
        for limit in range(1, 10):
            if _deeper_than(json.loads(text), limit):
                assert _bracket_depth(text.encode(), limit) > limit


def _nesting(value: object) -> int:
    """Objects and lists nested in `value`, empty ones counted."""
    if isinstance(value, dict | list):
        children = value.values() if isinstance(value, dict) else value
        return 1 + max(map(_nesting, children), default=0)
    return 0


def test_the_bracket_bound_is_the_nesting_with_brackets_quotes_and_backslashes_in_strings(
) -> None:
    chooser = random.Random(11)
    tricky = ["", "[", "]{", '"', "\\", '\\"[', "a}", '""', "\\\\\"", '"]"[']

    def value(depth: int) -> object:
        draw = chooser.random()
        if depth > 9 or draw < 0.3:
            return chooser.choice([*tricky, 1, None, 0.5])
        if draw < 0.65:
            return [value(depth + 1) for _ in range(chooser.randint(0, 3))]
        return {chooser.choice(tricky) + str(i): value(depth + 1)
                for i in range(chooser.randint(0, 3))}

    for _ in range(3000):
        found = value(0)
        text = json.dumps(found, ensure_ascii=chooser.random() < 0.5).encode()
        for limit in (1, 3, 6, 12):
            assert _bracket_depth(text, limit) == min(_nesting(found), limit + 1)


def test_a_line_whose_strings_may_hold_a_line_break_is_marked_and_no_other(
    tmp_path: Path
) -> None:
    titles = ["plain", "two\nlines", "carriage\rreturn", "escaped \\ then n", "é and \u2028",
              "\\n as text"]
    path = tmp_path / "works.jsonl"
    path.write_text("".join(json.dumps({"id": f"https://openalex.org/W{n}", "title": title},
                                       ensure_ascii=n % 2 == 0) + "\n"
                            for n, title in enumerate(titles, start=1)), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("\\r", "\\u000D"), encoding="utf-8")

    items = list(parse_file(path, parse_work, 2, LIMITS))

    assert [item.newline for item in items] == [False, True, True, False, False, True]
