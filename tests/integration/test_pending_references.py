"""A reference to a paper not in the graph waits in the citing paper's pending_refs, under the
full-text index paper_pending_refs whose keyword analyzer keeps each id one exact term: the paper
it names finds the papers waiting for it by a term lookup whenever it lands
(queries/ingest/waiting_papers.cypher, link_references.cypher), so CITES and citation figures are
exact after every batch whichever order the citing and cited papers arrive in, the lookup costs
the same however many papers wait for other ids, and nothing of a wait is left once it is
resolved or dropped."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.errors import BadConfiguration
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.census import contents, edges
from testkit.database import delete_everything
from testkit.datasets import IDB03_WORKS
from testkit.oracle import load_works
from tests.conftest import DatabaseState, load_idb03
from tests.integration.test_read_model import assert_read_model_is_exact


def _ingest(graph: Graph, tmp_path: Path, name: str, works: list[dict[str, Any]],
            batch: int = 150) -> None:
    path = tmp_path / f"{name}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for work in works:
            out.write(json.dumps(work) + "\n")
    report = ingest_file(graph, path, FORMATS["openalex"], batch, tmp_path / f"{name}.rejects")
    assert report.rejected == 0


def _short(work_id: str) -> str:
    return work_id.rsplit("/", 1)[-1]


def _pending(graph: Graph) -> set[tuple[str, str]]:
    """(paper, reference) of every waiting reference; the lists and the index agree."""
    row = graph.read("pending_references")[0]
    listed = {tuple(pair) for pair in row["listed"]}
    assert {tuple(pair) for pair in row["indexed"]} == listed
    return listed


def _cites(graph: Graph) -> set[tuple[str, str]]:
    return {(source, target) for _, source, target in edges(graph, ("CITES",))}


@pytest.fixture(scope="module")
def works() -> list[dict[str, Any]]:
    return load_works(IDB03_WORKS)


@pytest.fixture(scope="module")
def citing_pair(works: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A work of idb03 and a work of idb03 it references."""
    by_id = {_short(w["id"]): w for w in works}
    for work in works:
        for ref in work.get("referenced_works") or []:
            if _short(ref) in by_id and _short(ref) != _short(work["id"]):
                return work, by_id[_short(ref)]
    raise AssertionError("idb03 has no work citing another of its works")


def test_a_reference_to_a_paper_not_yet_in_the_graph_waits_and_links_when_the_paper_lands(
    graph: Graph, citing_pair: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    citing, cited = citing_pair
    citing_id, cited_id = _short(citing["id"]), _short(cited["id"])
    _ingest(graph, tmp_path, "citing", [citing])
    waiting = _pending(graph)
    assert (citing_id, cited_id) in waiting
    assert (citing_id, cited_id) not in _cites(graph)

    _ingest(graph, tmp_path, "cited", [cited])

    assert (citing_id, cited_id) in _cites(graph)
    still = {pair for pair in _pending(graph) if pair[0] == citing_id}
    assert still == waiting - {(citing_id, cited_id)}
    assert assert_read_model_is_exact(graph) > 0


def test_citing_and_cited_papers_give_the_same_graph_in_either_order_or_batch(
    graph: Graph, citing_pair: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    citing, cited = citing_pair
    _ingest(graph, tmp_path, "cited-first", [cited])
    _ingest(graph, tmp_path, "citing-second", [citing])
    cited_first = contents(graph)

    for name, order in (("citing-first", [[citing], [cited]]), ("one-batch", [[citing, cited]]),
                        ("one-batch-reversed", [[cited, citing]])):
        delete_everything(graph)
        for number, piece in enumerate(order):
            _ingest(graph, tmp_path, f"{name}-{number}", piece)
        assert contents(graph) == cited_first, name


def test_idb03_in_reversed_pieces_links_every_citation_of_one_file(
    graph: Graph, works: list[dict[str, Any]], settings: Settings, tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    load_idb03(graph, settings, tmp_path_factory)  # the one file, as ingested (or its snapshot)
    DatabaseState.loaded = None
    pending = _pending(graph)
    linked = _cites(graph)
    assert len(linked) > 1000

    delete_everything(graph)
    pieces = [works[start:start + 400] for start in range(0, len(works), 400)]
    for number, piece in enumerate(reversed(pieces)):
        _ingest(graph, tmp_path, f"piece-{number}", piece)

    assert _cites(graph) == linked
    assert _pending(graph) == pending
    assert assert_read_model_is_exact(graph) > 3000


def test_a_reingested_paper_that_drops_its_references_leaves_no_waiting_garbage(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path
) -> None:
    _ingest(graph, tmp_path, "first", works[:300])
    assert _pending(graph)
    once = contents(graph)
    _ingest(graph, tmp_path, "again", works[:300])
    assert contents(graph) == once

    bare = [{**work, "referenced_works": []} for work in works[:300]]
    _ingest(graph, tmp_path, "bare", bare)

    assert _pending(graph) == set()
    assert assert_read_model_is_exact(graph) > 0


def test_a_reference_holding_the_key_separator_never_links_the_paper_it_spells_in_part(
    graph: Graph, citing_pair: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    citing, cited = citing_pair
    cited_id = _short(cited["id"])
    odd = {**citing, "referenced_works": [f"W0|{cited_id}"]}
    _ingest(graph, tmp_path, "odd-citing", [odd])

    _ingest(graph, tmp_path, "cited", [cited])

    assert (_short(citing["id"]), cited_id) not in _cites(graph)
    listed = graph.read("pending_references")[0]["listed"]
    assert [_short(citing["id"]), f"W0|{cited_id}"] in listed


ODD_IDS = ['odd|1', 'q"uote', 'back\\slash', 'two words', 'two', '*', 'title:x', 'AND', '(p)',
           'W1 OR W2', 'trailing\\']


def _paper(paper_id: str, references: list[str] | None = None) -> dict[str, Any]:
    """A paper of the project's own format, with an author and a topic (figures to check)."""
    return {"id": paper_id, "title": f"Paper {paper_id}", "references": references or [],
            "authors": [{"name": "Ada Byron"}], "topics": [{"name": "Citation graphs"}]}


def _own(graph: Graph, tmp_path: Path, name: str, papers: list[dict[str, Any]]) -> None:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(paper) + "\n" for paper in papers), encoding="utf-8")
    report = ingest_file(graph, path, FORMATS["jsonl"], 150, tmp_path / f"{name}.rejects")
    assert report.rejected == 0


def test_references_holding_quotes_backslashes_bars_spaces_or_query_syntax_link_exactly(
    graph: Graph, tmp_path: Path
) -> None:
    _own(graph, tmp_path, "citing", [_paper("citing", ODD_IDS)])
    assert _pending(graph) == {("citing", ref) for ref in ODD_IDS}

    first = ['odd|1', 'two words', '*', 'AND', 'trailing\\']
    _own(graph, tmp_path, "first", [_paper(ref) for ref in first])

    assert _cites(graph) == {("citing", ref) for ref in first}
    assert _pending(graph) == {("citing", ref) for ref in ODD_IDS if ref not in first}

    rest = [ref for ref in ODD_IDS if ref not in first]
    _own(graph, tmp_path, "rest", [_paper(ref) for ref in rest])

    assert _cites(graph) == {("citing", ref) for ref in ODD_IDS}
    assert _pending(graph) == set()
    assert assert_read_model_is_exact(graph) > 0


def test_a_paper_referencing_itself_or_one_paper_twice_cites_each_once_and_waits_for_nothing(
    graph: Graph, tmp_path: Path
) -> None:
    papers = [_paper("self", ["self", "other", "other"])]
    _own(graph, tmp_path, "self", papers)
    assert _cites(graph) == {("self", "self")}
    assert _pending(graph) == {("self", "other")}

    _own(graph, tmp_path, "other", [_paper("other", ["self", "self"])])

    assert _cites(graph) == {("self", "self"), ("self", "other"), ("other", "self")}
    assert _pending(graph) == set()
    once = contents(graph)
    _own(graph, tmp_path, "again", papers + [_paper("other", ["self", "self"])])
    assert contents(graph) == once
    assert assert_read_model_is_exact(graph) > 0


def test_the_lookup_of_waiting_papers_is_an_index_lookup_costing_the_same_however_many_wait(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path
) -> None:
    _own(graph, tmp_path, "one", [_paper("one", ["awaited"])])
    few = _profile_waiting(graph, ["awaited", "W0"])

    _ingest(graph, tmp_path, "many", works[:600])
    assert len(_pending(graph)) > 10000
    many = _profile_waiting(graph, ["awaited", "W0"])

    assert few.rows == many.rows == 1
    assert "ProcedureCall" in many.operators
    assert not {"NodeByLabelScan", "AllNodesScan", "NodeIndexContainsScan",
                "NodeIndexScan"} & set(many.operators)
    assert many.db_hits == few.db_hits


def _profile_waiting(graph: Graph, paper_ids: list[str]) -> Profiled:
    """PROFILE of ingest/waiting_papers: its operators, dbHits and rows."""
    query = graph.queries["ingest/waiting_papers"]
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        result = session.run("PROFILE " + query.text, {"paper_ids": paper_ids})
        rows = len(list(result))
        plan = result.consume().profile
    operators: list[str] = []
    hits = 0
    stack = [plan]
    while stack:
        node = stack.pop()
        operators.append(node["operatorType"].split("@")[0])
        hits += int(node.get("dbHits", 0))
        stack += node.get("children", [])
    return Profiled(tuple(operators), hits, rows)


@dataclass(frozen=True)
class Profiled:
    operators: tuple[str, ...]
    db_hits: int
    rows: int


def test_an_ingest_into_a_store_without_the_waiting_ids_index_stops_and_names_the_fix(
    graph: Graph, tmp_path: Path
) -> None:
    graph.run_schema_statement("DROP INDEX paper_pending_refs")
    try:
        with pytest.raises(BadConfiguration, match="paper_pending_refs is missing: run `kg schema"):
            _own(graph, tmp_path, "early", [_paper("early", ["later"])])
        assert graph.read("count_nodes")[0]["nodes"] == 0
    finally:
        schema.apply(graph)
    _own(graph, tmp_path, "early", [_paper("early", ["later"])])
    assert _pending(graph) == {("early", "later")}
