"""One paper per work: an arXiv record and the OpenAlex work it is become one Paper, whichever
lands first, with every source id kept and each of them finding the paper
(kg/ingest/identity.py, docs/formats.md "One paper per work").

The works: the idb03 works that list an arXiv id and every other idb03 work of their authors
(co-authors, topics and figures around the merged papers), the 200 records of the arXiv head
(no overlap) and the arXiv records of the idb03 works (tests/data/arxiv-idb03)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from kg.db.graph import Graph
from kg.ingest import derive
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.ingest.records import name_key
from kg.papers import paper_id_for
from testkit.census import DERIVED, NOVELTY_BOOKKEEPING, census, contents, edges
from testkit.database import delete_everything
from testkit.datasets import ARXIV_HEAD, ARXIV_IDB03, IDB03_WORKS
from testkit.oracle import distinct_works, load_works, work_author_ids, work_id
from tests.conftest import DatabaseState
from tests.integration.test_read_model import assert_read_model_is_exact

ARXIV_FILES = (ARXIV_HEAD, ARXIV_IDB03)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _works_around_arxiv() -> list[dict]:
    works = load_works(IDB03_WORKS)
    on_arxiv = [w for w in works
                if re.search(r"arxiv\.org/(abs|pdf)/\d|10\.48550/arxiv", json.dumps(w).lower())]
    authors = {a for w in on_arxiv for a in work_author_ids(w)}
    return [w for w in works if w in on_arxiv or authors & set(work_author_ids(w))]


@pytest.fixture(scope="module")
def works_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("works") / "works.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(work) + "\n" for work in _works_around_arxiv())
    return path


@pytest.fixture
def merged(session_graph: Graph, works_file: Path, tmp_path_factory) -> Graph:
    """The test database holding the cut, arXiv first (loaded once; tests must not change it)."""
    if DatabaseState.loaded != "arxiv-idb03":
        delete_everything(session_graph)
        _load(session_graph, works_file, tmp_path_factory.mktemp("merged"), arxiv_first=True)
        DatabaseState.loaded = "arxiv-idb03"
    return session_graph


def _ingest(graph: Graph, fmt: str, path: Path, tmp_path: Path) -> None:
    report = ingest_file(graph, path, FORMATS[fmt], 100, tmp_path / f"{path.name}.rejects")
    assert (report.read, report.rejected) == (report.written, 0), path


def _load(graph: Graph, works: Path, tmp_path: Path, arxiv_first: bool) -> None:
    arxiv = [("arxiv", path) for path in ARXIV_FILES]
    steps = [*arxiv, ("openalex", works)] if arxiv_first else [("openalex", works), *arxiv]
    for fmt, path in steps:
        _ingest(graph, fmt, path, tmp_path)


def _paper(graph: Graph, paper_id: str) -> dict:
    return graph.read("paper_properties", id=paper_id)[0]["props"]


def _author_ids(graph: Graph, paper_id: str) -> set[str]:
    return {row["researcher_id"] for row in graph.read("paper_author_ids", id=paper_id)}


def test_arxiv_first_and_openalex_first_give_the_same_graph_and_reingesting_changes_nothing(
    merged: Graph, works_file: Path, tmp_path: Path
) -> None:
    arxiv_first = contents(merged, NOVELTY_BOOKKEEPING)
    empty_lists = merged.read("empty_list_properties")[0]
    assert (empty_lists["nodes"], empty_lists["relationships"]) == (0, 0)
    DatabaseState.loaded = None
    delete_everything(merged)
    _load(merged, works_file, tmp_path, arxiv_first=False)
    openalex_first = contents(merged, NOVELTY_BOOKKEEPING)
    _load(merged, works_file, tmp_path, arxiv_first=True)

    assert openalex_first == arxiv_first
    assert contents(merged, NOVELTY_BOOKKEEPING) == arxiv_first
    assert len(arxiv_first) > 10000
    DatabaseState.loaded = "arxiv-idb03"


def test_the_papers_are_the_distinct_works_of_an_independent_computation_from_the_raw_files(
    merged: Graph, works_file: Path
) -> None:
    graph = merged
    works = load_works(works_file)
    records = [r for path in ARXIV_FILES for r in _records(path)]
    expected = distinct_works(works, records)

    merged = {arxiv_id: w for arxiv_id, w in expected.items() if not w.startswith("arxiv:")}
    assert census(graph)["papers"] == len(works) + len(records) - len(merged)
    assert len(merged) == len(_records(ARXIV_IDB03)) == 11
    for arxiv_id, paper_id in expected.items():
        assert paper_id_for(graph, arxiv_id) == paper_id, arxiv_id
        assert paper_id_for(graph, "arxiv:" + arxiv_id) == paper_id, arxiv_id
    # Two OpenAlex works list arXiv 2601.09283: the lowest-numbered takes the record, the
    # other stays a paper of its own.
    assert expected["2601.09283"] == "W7124278131"
    assert "arxiv" not in _paper(graph, "W7124358305")["sources"]


def test_a_merged_paper_keeps_every_source_id_and_openalex_authors_without_doubles(
    merged: Graph, works_file: Path
) -> None:
    graph = merged
    by_id = {work_id(w): w for w in load_works(works_file)}

    paper = _paper(graph, "W2550543467")  # arXiv 1611.03754, journal DOI in both records
    assert paper["ids"] == ["W2550543467", "arxiv:1611.03754", "doi:10.1109/access.2019.2899131"]
    assert paper["sources"] == ["arxiv", "openalex"] and paper["arxiv_id"] == "1611.03754"
    assert paper["title"] == by_id["W2550543467"]["title"] and paper["type"] == "article"
    for merged in ("W2550543467", "W2596572706", "W4223477124", "W7124278131"):
        assert _author_ids(graph, merged) == set(work_author_ids(by_id[merged]))
    names = {row["id"] for row in graph.read("derive/all_researcher_ids")
             if row["id"].startswith("name:")}
    head_names = {r for rec in _records(ARXIV_HEAD) for r in _name_ids(rec)}
    assert names == head_names  # no name-only researcher of a merged record is left


def _name_ids(record: dict) -> set[str]:
    return {"name:" + name_key(" ".join(p for p in (first, last, suffix) if p))
            for last, first, suffix, *_ in record["authors_parsed"]}


@pytest.mark.parametrize("given", [
    "W4223477124", "arxiv:2204.05114", "2204.05114", "arXiv:2204.05114v2",
    "https://arxiv.org/abs/2204.05114v1", "10.48550/arXiv.2204.05114",
    "https://doi.org/10.48550/ARXIV.2204.05114",
])
def test_every_source_id_of_a_merged_paper_finds_it(merged: Graph, given: str) -> None:
    assert paper_id_for(merged, given) == "W4223477124"


@pytest.mark.parametrize("given", ["", "W1", "arxiv:2204.99999", "10.1000/nothing", "A5085007251",
                                   "hep-th/99", "https://arxiv.org/abs/"])
def test_an_id_that_names_no_paper_finds_none(merged: Graph, given: str) -> None:
    assert paper_id_for(merged, given) is None


def test_derived_edges_and_stored_figures_stay_exact_after_a_merge(merged: Graph) -> None:
    """Exact after arXiv first; openalex first gives the same graph (the test above)."""
    assert assert_read_model_is_exact(merged) > 100
    after_ingest = edges(merged, DERIVED)
    DatabaseState.loaded = None
    derive.rebuild_all(merged)
    assert edges(merged, DERIVED) == after_ingest
    DatabaseState.loaded = "arxiv-idb03"


def _categorised() -> dict:
    """The arXiv record of W4223477124 with categories (the bundled records have none: they are
    written from OpenAlex, which does not list them)."""
    record = next(r for r in _records(ARXIV_IDB03) if r["id"] == "2204.05114")
    return {**record, "categories": "cs.LG physics.geo-ph"}


def test_the_arxiv_categories_of_a_merged_paper_are_its_topics_in_either_order(
    graph: Graph, works_file: Path, tmp_path: Path
) -> None:
    record = tmp_path / "categorised.jsonl"
    record.write_text(json.dumps(_categorised()) + "\n", encoding="utf-8")
    work = tmp_path / "work.jsonl"
    work.write_text(next(json.dumps(w) for w in load_works(works_file)
                         if work_id(w) == "W4223477124") + "\n", encoding="utf-8")
    graphs = []
    for steps in ([("arxiv", record), ("openalex", work)], [("openalex", work), ("arxiv", record)]):
        delete_everything(graph)
        for fmt, path in steps:
            _ingest(graph, fmt, path, tmp_path)
        graphs.append(contents(graph, NOVELTY_BOOKKEEPING))

        paper = _paper(graph, "W4223477124")
        assert paper["categories"] == ["cs.LG", "physics.geo-ph"]
        topics = {row["topic_id"]: row for row in graph.read("paper_topic_edges", id="W4223477124")}
        assert {"arxiv:cs.LG", "arxiv:physics.geo-ph"} <= set(topics)
        assert sum(1 for t in topics.values() if t["primary"]) == 1
        assert assert_read_model_is_exact(graph) > 0
    assert graphs[0] == graphs[1]
