"""No load stores an empty list: `neo4j-admin database import` leaves an empty array field out,
so the transactional writer leaves an empty `categories`, `pending_refs` or `institution_ids` out
too (readers take a missing list as empty), and a bulk load needs no pass over every paper to
match it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.datasets import IDB03_WORKS


def _empty_lists(graph: Graph) -> tuple[int, int]:
    row = graph.read("empty_list_properties")[0]
    return row["nodes"], row["relationships"]


def test_the_transactional_load_of_idb03_stores_no_empty_list(idb03_graph: Graph) -> None:
    assert _empty_lists(idb03_graph) == (0, 0)


def test_a_reingest_that_empties_a_paper_s_lists_removes_them(graph: Graph, tmp_path: Path) -> None:
    with gzip.open(IDB03_WORKS, "rt", encoding="utf-8") as lines:
        work = next(w for w in map(json.loads, lines)
                    if w["referenced_works"] and any(a["institutions"] for a in w["authorships"]))
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps(work) + "\n")
    emptied = {**work, "referenced_works": [],
               "authorships": [{**a, "institutions": []} for a in work["authorships"]]}
    second.write_text(json.dumps(emptied) + "\n")
    ingest_file(graph, first, FORMATS["openalex"], 10, tmp_path / "first.rejects")
    assert graph.read("pending_references")[0]["listed"]
    report = ingest_file(graph, second, FORMATS["openalex"], 10, tmp_path / "second.rejects")
    assert report.rejected == 0
    assert not graph.read("pending_references")[0]["listed"]
    assert _empty_lists(graph) == (0, 0)
