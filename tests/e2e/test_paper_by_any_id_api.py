"""`paper(id:)` and `/api/neighbourhood/{id}` answer for every source id of a work that two
sources describe (one paper per work, docs/formats.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.datasets import ARXIV_IDB03, IDB03_WORKS
from testkit.oracle import load_works, work_id
from tests.e2e.conftest import Api

PAPER = """query ($id: ID!) { paper(id: $id) { id sourceIds title categories
  authors { researcher { id } } } }"""


@pytest.fixture
def merged(graph: Graph, tmp_path: Path) -> Graph:
    """W4223477124 and its arXiv record (arXiv 2204.05114), the record with categories."""
    work = next(w for w in load_works(IDB03_WORKS) if work_id(w) == "W4223477124")
    record = next(json.loads(line) for line in ARXIV_IDB03.read_text().splitlines()
                  if json.loads(line)["id"] == "2204.05114")
    (tmp_path / "w.jsonl").write_text(json.dumps(work) + "\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({**record, "categories": "cs.LG"}) + "\n",
                                      encoding="utf-8")
    for fmt, name in (("arxiv", "a.jsonl"), ("openalex", "w.jsonl")):
        report = ingest_file(graph, tmp_path / name, FORMATS[fmt], 10, tmp_path / "rejects")
        assert report.rejected == 0
    return graph


@pytest.mark.parametrize("given", [
    "W4223477124", "arxiv:2204.05114", "arXiv:2204.05114v2", "2204.05114",
    "https://arxiv.org/pdf/2204.05114v1", "https://doi.org/10.48550/ARXIV.2204.05114",
])
def test_paper_answers_for_every_source_id_of_the_work(merged: Graph, api: Api, given: str
                                                       ) -> None:
    paper = api.data(PAPER, id=given)["paper"]
    assert paper["id"] == "W4223477124"
    assert paper["sourceIds"] == ["W4223477124", "arxiv:2204.05114"]
    assert paper["categories"] == ["cs.LG"]
    assert len(paper["authors"]) == 3


@pytest.mark.parametrize("given", ["arxiv:2204.05115", "10.48550/arxiv.2204.0511", "W1", " "])
def test_paper_is_null_for_an_id_no_work_has(merged: Graph, api: Api, given: str) -> None:
    assert api.data(PAPER, id=given)["paper"] is None


def test_the_neighbourhood_endpoint_takes_an_arxiv_id_of_a_merged_paper(
    merged: Graph, api: Api
) -> None:
    by_arxiv = api.client.get("/api/neighbourhood/arXiv:2204.05114?depth=1")
    by_id = api.client.get("/api/neighbourhood/W4223477124?depth=1")
    assert by_arxiv.status_code == by_id.status_code == 200
    assert by_arxiv.json() == by_id.json()
    missing = api.client.get("/api/neighbourhood/arXiv:2204.05115")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "NOT_FOUND"
