"""arXiv metadata (Kaggle snapshot format): papers, categories as topics, name-only researchers;
a record of an OpenAlex work in the graph joins that work's paper (one paper per work)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.ingest.records import name_key
from kg.papers import paper_id_for
from testkit.census import census
from testkit.datasets import ARXIV_HEAD, IDB03_WORKS
from testkit.oracle import load_works, short_id

# Real OpenAlex works of idb03 whose DOI is the arXiv DOI of a preprint, with that arXiv id.
ON_ARXIV = {"W4223477124": "2204.05114", "W2952347947": "1612.01884"}


@pytest.fixture(scope="module")
def idb03_works() -> dict[str, dict]:
    return {short_id(w["id"]): w for w in load_works(IDB03_WORKS)}


def _ingest(graph: Graph, fmt: str, path: Path) -> None:
    report = ingest_file(graph, path, FORMATS[fmt], 100, path.with_suffix(".rejects.jsonl"))
    assert (report.read, report.rejected) == (report.written, 0)


def _write_lines(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _arxiv_record(arxiv_id: str, title: str, names: list[tuple[str, str]]) -> dict:
    """A record in the Kaggle snapshot format, authors as (first, last)."""
    return {
        "id": arxiv_id, "submitter": names[0][0] + " " + names[0][1],
        "authors": ", ".join(f"{first} {last}" for first, last in names),
        "title": title, "comments": None, "journal-ref": None, "doi": None, "report-no": None,
        "categories": "physics.geo-ph cs.LG", "license": None, "abstract": "  An abstract.\n",
        "versions": [{"version": "v1", "created": "Mon, 11 Apr 2022 12:00:00 GMT"}],
        "update_date": "2022-04-12",
        "authors_parsed": [[last, first, ""] for first, last in names],
    }


def _as_listed_on_arxiv(work: dict) -> list[tuple[str, str]]:
    """The work's author names as an arXiv listing writes them: ASCII hyphens, first then last."""
    names = []
    for authorship in work["authorships"]:
        *first, last = authorship["author"]["display_name"].replace("\u2010", "-").split()
        names.append((" ".join(first), last))
    return names


def _author_ids(graph: Graph, paper_id: str) -> set[str]:
    return {row["researcher_id"] for row in graph.read("paper_author_ids", id=paper_id)}


def _researcher_ids(graph: Graph) -> set[str]:
    return {row["id"] for row in graph.read("derive/all_researcher_ids")}


def test_the_arxiv_head_lands_with_categories_as_topics_and_name_keyed_researchers(
    graph: Graph,
) -> None:
    records = [json.loads(line) for line in ARXIV_HEAD.read_text(encoding="utf-8").splitlines()]
    _ingest(graph, "arxiv", ARXIV_HEAD)

    counts = census(graph)
    categories = {c for r in records for c in r["categories"].split()}
    names = {name_key(f"{first} {last} {suffix}")
             for r in records for last, first, suffix, *_ in r["authors_parsed"]}
    assert counts["papers"] == 200
    assert counts["topics:category"] == len(categories) == 72
    assert counts["researchers"] == len(names)
    assert _researcher_ids(graph) == {"name:" + key for key in names}
    paper = graph.read("paper_properties", id="arxiv:0704.0001")[0]["props"]
    assert paper["date"] == "2007-04-02" and paper["year"] == 2007
    assert paper["doi"] == "10.1103/physrevd.76.013009"
    assert paper["categories"] == ["hep-ph"] and paper["type"] == "preprint"
    assert _author_ids(graph, "arxiv:0704.0001") == {
        "name:c balazs", "name:e l berger", "name:p m nadolsky", "name:c p yuan"}


@pytest.mark.parametrize("work_id", sorted(ON_ARXIV))
def test_an_arxiv_record_of_an_openalex_work_joins_it_with_the_openalex_researchers(
    graph: Graph, idb03_works: dict[str, dict], tmp_path: Path, work_id: str
) -> None:
    work = idb03_works[work_id]
    _ingest(graph, "openalex", _write_lines(tmp_path / "work.jsonl", [work]))
    openalex_authors = _author_ids(graph, work_id)
    names_before = {rid: graph.read("researcher_properties", id=rid)[0]["props"]["name"]
                    for rid in openalex_authors}
    record = _arxiv_record(ON_ARXIV[work_id], work["title"], _as_listed_on_arxiv(work))

    _ingest(graph, "arxiv", _write_lines(tmp_path / "arxiv.jsonl", [record]))

    assert paper_id_for(graph, "arxiv:" + ON_ARXIV[work_id]) == work_id
    assert census(graph)["papers"] == 1
    assert _author_ids(graph, work_id) == openalex_authors
    assert _researcher_ids(graph) == openalex_authors
    for rid, name in names_before.items():
        assert graph.read("researcher_properties", id=rid)[0]["props"]["name"] == name


def test_arxiv_authors_named_otherwise_than_the_authors_of_the_work_add_no_researcher(
    graph: Graph, idb03_works: dict[str, dict], tmp_path: Path
) -> None:
    work = idb03_works["W4223477124"]
    _ingest(graph, "openalex", _write_lines(tmp_path / "work.jsonl", [work]))
    openalex_authors = _author_ids(graph, "W4223477124")
    others = [("C.", "Balázs"), ("E. L.", "Berger"), ("Ivana", "Ferreira")]
    record = _arxiv_record("2204.05114", work["title"], others)

    _ingest(graph, "arxiv", _write_lines(tmp_path / "arxiv.jsonl", [record]))

    assert _author_ids(graph, "W4223477124") == openalex_authors
    assert _researcher_ids(graph) == openalex_authors


def test_a_shared_name_without_a_shared_doi_is_never_a_merge(
    graph: Graph, idb03_works: dict[str, dict], tmp_path: Path
) -> None:
    work = idb03_works["W4223477124"]
    _ingest(graph, "openalex", _write_lines(tmp_path / "work.jsonl", [work]))
    record = _arxiv_record("2301.00001", "Another paper", _as_listed_on_arxiv(work))

    _ingest(graph, "arxiv", _write_lines(tmp_path / "arxiv.jsonl", [record]))

    assert _author_ids(graph, "arxiv:2301.00001") == {
        "name:ivan ferreira", "name:l ochoa", "name:ardiansyah koeshidayatullah"}
