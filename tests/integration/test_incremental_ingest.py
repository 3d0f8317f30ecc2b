"""Incremental ingest moves derived edges and stored figures by deltas (kg/ingest/derive.py): idb03
ingested in overlapping pieces that change records (authors dropped and added, author counts
crossing the COAUTHOR limit, topics swapped, years moved) and then change them back ends with
exactly the graph `kg derive --full` computes from the same facts, every derived edge and stored
figure included; an identical file changes nothing, and rewrites nothing (each Paper's record
digest), while a changed field of a re-ingested work lands. A first file of the first 100, 600 or
900 idb03 works (batches of 150) is the run's snapshot of that ingest (tests/conftest.py
`load_idb03_prefix`)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from kg.db.graph import Graph
from kg.ingest import derive
from kg.ingest.formats import FORMATS
from kg.ingest.openalex import parse_work
from kg.ingest.pipeline import ingest_file
from kg.ingest.writer import record_digest
from testkit.census import DERIVED, NOVELTY_BOOKKEEPING, contents, edges
from testkit.datasets import IDB03_WORKS
from testkit.oracle import load_works
from tests.conftest import load_idb03_prefix
from tests.integration.test_read_model import assert_read_model_is_exact


def _write(path: Path, works: list[dict[str, Any]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for work in works:
            out.write(json.dumps(work) + "\n")
    return path


def _ingest(graph: Graph, tmp_path: Path, name: str, works: list[dict[str, Any]]) -> None:
    path = _write(tmp_path / f"{name}.jsonl.gz", works)
    report = ingest_file(graph, path, FORMATS["openalex"], 150, tmp_path / f"{name}.rejects")
    assert report.rejected == 0


def _changed(work: dict[str, Any], other: dict[str, Any], index: int) -> dict[str, Any]:
    """The same work as a later export might give it, changed in one of four ways."""
    work = json.loads(json.dumps(work))
    kind = index % 4
    if kind == 0:
        work["authorships"] = work.get("authorships", [])[:-1]
    elif kind == 1:
        work["authorships"] = work.get("authorships", []) + other.get("authorships", [])[:2]
    elif kind == 2:
        work["topics"] = work.get("topics", [])[1:] + other.get("topics", [])[:1]
    else:
        work["publication_year"] = int(work.get("publication_year") or 2000) - 3
    return work


def _author_ids(work: dict[str, Any]) -> set[str]:
    return {a["author"]["id"] for a in work.get("authorships", []) if a["author"].get("id")}


def _hyperauthored(works: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The work with most authors under the COAUTHOR limit, and it with authors of other works
    added until it is over the limit."""
    big = max((w for w in works if len(_author_ids(w)) <= derive.COAUTHOR_MAX_AUTHORS),
              key=lambda w: len(_author_ids(w)))
    crossed = json.loads(json.dumps(big))
    have = _author_ids(crossed)
    for work in works:
        for authorship in work.get("authorships", []):
            if len(have) > derive.COAUTHOR_MAX_AUTHORS:
                return big, crossed
            if authorship["author"].get("id") and authorship["author"]["id"] not in have:
                have.add(authorship["author"]["id"])
                crossed["authorships"].append(authorship)
    raise AssertionError("idb03 has too few authors to cross the limit")


def _after_full_rederivation(graph: Graph) -> list[str]:
    derive.rebuild_all(graph)
    return contents(graph, NOVELTY_BOOKKEEPING)


@pytest.fixture(scope="module")
def works() -> list[dict[str, Any]]:
    return load_works(IDB03_WORKS)


def test_overlapping_pieces_that_change_records_end_with_the_graph_of_a_full_rederivation(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory
) -> None:
    # 1,200 of idb03's works hold every kind of change and the crossing; the first file, the
    # first 600 in batches of 150, is the run's snapshot of that ingest, which other modules share
    works = works[:1200]
    n = len(works)
    big, crossed = _hyperauthored(works)
    changed = [_changed(w, works[(i * 7) % n], i) for i, w in enumerate(works[n // 3:n // 2])]
    load_idb03_prefix(graph, tmp_path_factory, n // 2, 150)
    _ingest(graph, tmp_path, "changed", changed + works[n // 2:3 * n // 4] + [crossed])
    after_changes = contents(graph, NOVELTY_BOOKKEEPING)
    assert assert_read_model_is_exact(graph) > 1000
    assert after_changes == _after_full_rederivation(graph)

    _ingest(graph, tmp_path, "back", works[n // 4:] + [big])
    after_changing_back = contents(graph, NOVELTY_BOOKKEEPING)
    assert assert_read_model_is_exact(graph) > 1500
    assert after_changing_back == _after_full_rederivation(graph)


def test_a_paper_crossing_the_coauthor_limit_takes_its_pairs_away_and_back(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path
) -> None:
    big, crossed = _hyperauthored(works)
    _ingest(graph, tmp_path, "big", [big])
    pairs = edges(graph, ("COAUTHOR",))
    authors = len(_author_ids(big))
    assert len(pairs) == authors * (authors - 1) // 2

    _ingest(graph, tmp_path, "crossed", [crossed])
    assert edges(graph, ("COAUTHOR",)) == {}

    _ingest(graph, tmp_path, "big-again", [big])
    assert edges(graph, ("COAUTHOR",)) == pairs


def test_reingesting_an_identical_file_changes_no_edge_or_figure(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory
) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 900, 150)
    once = contents(graph)

    _ingest(graph, tmp_path, "twice", works[:900])

    assert contents(graph) == once
    assert len(edges(graph, DERIVED)) > 5000


def _paper(graph: Graph, work: dict[str, Any]) -> dict[str, Any]:
    return graph.read("paper_properties", id=parse_work(work).id)[0]["props"]


def test_a_changed_field_of_a_reingested_work_lands_and_moves_its_figures(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path
) -> None:
    cited = max(works[:300], key=lambda w: len(_author_ids(w)))
    _ingest(graph, tmp_path, "once", works[:300])
    changed = json.loads(json.dumps(cited))
    changed["title"] = "A title a later export corrected"
    changed["cited_by_count"] = int(changed.get("cited_by_count") or 0) + 1000

    _ingest(graph, tmp_path, "again", [changed if w is cited else w for w in works[:300]])

    props = _paper(graph, changed)
    assert props["title"] == "A title a later export corrected"
    assert props["citations"] == changed["cited_by_count"]
    assert props["digest"] == record_digest(parse_work(changed)) != record_digest(parse_work(cited))
    assert assert_read_model_is_exact(graph) > 200
    assert contents(graph, NOVELTY_BOOKKEEPING) == _after_full_rederivation(graph)


def test_a_reingested_unchanged_work_is_not_rewritten(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory
) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 100, 150)
    graph.write("set_paper_fields", id=parse_work(works[5]).id, fields={"title": "not rewritten"})

    _ingest(graph, tmp_path, "twice", works[:100])

    assert _paper(graph, works[5])["title"] == "not rewritten"


def test_a_paper_written_without_a_digest_is_rewritten_and_gains_one(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory
) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 100, 150)
    once = contents(graph)
    paper_id = parse_work(works[5]).id
    graph.write("set_paper_fields", id=paper_id, fields={"title": "stale", "digest": None})

    _ingest(graph, tmp_path, "twice", works[:100])

    assert _paper(graph, works[5])["title"] == parse_work(works[5]).title
    assert contents(graph) == once
