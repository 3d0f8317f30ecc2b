"""The 68k-paper conference lists (../shared/data/paperlists-papercopilot), converted to the
project's own format and ingested: every converted record lands or is rejected with its line and
reason, and a second ingest adds nothing. Run by `./dev test --large` only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit import datasets
from testkit.census import census
from testkit.converters import papercopilot_to_jsonl

pytestmark = pytest.mark.large


def test_the_papercopilot_lists_land_whole_and_a_second_ingest_adds_nothing(
    graph: Graph, tmp_path: Path
) -> None:
    converted = tmp_path / "papercopilot.jsonl.gz"
    tally = papercopilot_to_jsonl.write(datasets.papercopilot(), converted)
    assert tally.written > 60_000

    rejects = tmp_path / "rejects.jsonl"
    report = ingest_file(graph, converted, FORMATS["jsonl"], 1000, rejects)
    rejected = [json.loads(line) for line in rejects.read_text().splitlines()] \
        if rejects.exists() else []
    assert all(r["line"] and r["reason"] for r in rejected)
    assert report.rejected == len(rejected) < 10
    first = census(graph)
    assert first["papers"] == tally.written - report.rejected

    ingest_file(graph, converted, FORMATS["jsonl"], 1000, tmp_path / "again.jsonl")
    assert census(graph) == first
