"""Each researcher's stored top co-authors (the first kg.coauthorship.TOP_COAUTHORS by shared works,
then id) equal a ranking computed straight from the raw works: after an ingest, after a re-ingest
of an overlapping file that changes records, after batches that push a pair into a full top and
then out of it again, and after `kg derive --full`. The neighbourhood of a researcher reads its
co-authors from that list: the same answers as the ranking of every COAUTHOR edge, without
reading the hub's COAUTHOR edges.

The tests that start from the first 600 idb03 works in batches of 150 start from the run's
snapshot of that ingest (tests/conftest.py `load_idb03_prefix`)."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from kg.coauthorship import TOP_COAUTHORS
from kg.db.graph import Graph
from kg.ingest import derive
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.neighbourhood import MAX_LIMIT_PER_TYPE, neighbourhood
from kg.vocabulary import NODE_TYPES
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works
from tests.conftest import load_idb03_prefix
from tests.plans import db_hits

Tops = dict[str, tuple[list[str], list[int]]]


def raw_tops(works: list[dict[str, Any]]) -> Tops:
    """The ranking from the raw works: per researcher, co-authors by shared works (descending),
    then id, the first TOP_COAUTHORS."""
    others: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (a, b), stats in Oracle.from_works(works).coauthors.items():
        others[a].append((-stats.works, b))
        others[b].append((-stats.works, a))
    return {r: ([o for _, o in ranked], [-w for w, _ in ranked])
            for r, found in others.items() for ranked in [sorted(found)[:TOP_COAUTHORS]]}


def stored_tops(graph: Graph) -> Tops:
    return {row["id"]: (row["ids"], row["works"]) for row in graph.read("stored_top_coauthors")
            if row["ids"] is not None}


def _ingest(graph: Graph, tmp_path: Path, name: str, works: list[dict[str, Any]]) -> None:
    path = tmp_path / f"{name}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for work in works:
            out.write(json.dumps(work) + "\n")
    report = ingest_file(graph, path, FORMATS["openalex"], 150, tmp_path / f"{name}.rejects")
    assert report.rejected == 0


def _changed(work: dict[str, Any]) -> dict[str, Any]:
    """The same work as a later export might give it: its last author gone."""
    work = json.loads(json.dumps(work))
    work["authorships"] = work.get("authorships", [])[:-1]
    return work


def _authorship(works: list[dict[str, Any]], researcher: str) -> dict[str, Any]:
    return next(a for w in works for a in w.get("authorships", [])
                if a["author"].get("id", "").endswith("/" + researcher))


def _pair_works(template: dict[str, Any], authorships: list[dict[str, Any]],
                count: int) -> list[dict[str, Any]]:
    """`count` new works written by exactly these authorships (no DOI, no topic, no reference)."""
    made = []
    for number in range(count):
        work = json.loads(json.dumps(template))
        work_id = f"https://openalex.org/W99{number:08d}"
        work.update(id=work_id, doi=None, ids={"openalex": work_id}, title=f"Pair work {number}",
                    display_name=f"Pair work {number}", authorships=authorships, topics=[],
                    primary_topic=None, referenced_works=[], locations=[], primary_location=None)
        made.append(work)
    return made


@pytest.fixture(scope="module")
def works() -> list[dict[str, Any]]:
    return load_works(IDB03_WORKS)


def test_every_researchers_stored_top_coauthors_equal_the_raw_ranking_after_an_ingest(
        idb03_graph: Graph, works: list[dict[str, Any]]) -> None:
    expected = raw_tops(works)
    assert max(len(ids) for ids, _ in expected.values()) == TOP_COAUTHORS
    assert stored_tops(idb03_graph) == expected


def test_stored_top_coauthors_stay_exact_when_an_overlapping_file_changes_records(
        graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    works = works[:900]
    changed = [_changed(w) for w in works[300:600]]
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    assert stored_tops(graph) == raw_tops(works[:600])
    _ingest(graph, tmp_path, "second", changed + works[600:])
    assert stored_tops(graph) == raw_tops(works[:300] + changed + works[600:])

    graph.write("forget_stored_figures")
    derive.rebuild_all(graph)
    assert stored_tops(graph) == raw_tops(works[:300] + changed + works[600:])


def test_a_pair_pushed_into_a_full_top_and_out_again_keeps_every_top_exact(
        graph: Graph, works: list[dict[str, Any]], tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    works = works[:600]
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    before = raw_tops(works)
    assert stored_tops(graph) == before
    oracle = Oracle.from_works(works)
    hub = min(r for r in before if len(before[r][0]) == TOP_COAUTHORS)
    ids, shared = before[hub]
    outside = sorted({o for pair in oracle.coauthors if hub in pair for o in pair}
                     - {hub} - set(ids))
    assert outside, "the hub has co-authors past its list"
    newcomer = outside[0]
    lifted = _pair_works(works[0], [_authorship(works, hub), _authorship(works, newcomer)],
                         shared[-1] + 1)

    _ingest(graph, tmp_path, "push", lifted)
    pushed = raw_tops(works + lifted)
    assert newcomer in pushed[hub][0]
    assert stored_tops(graph) == pushed

    alone = [dict(w, authorships=w["authorships"][:1]) for w in lifted]
    _ingest(graph, tmp_path, "pull", alone)
    pulled = raw_tops(works + alone)
    assert newcomer not in pulled[hub][0]
    assert stored_tops(graph) == pulled


def test_the_neighbourhood_read_from_the_stored_tops_equals_the_ranking_of_every_edge(
        graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    tops = stored_tops(graph)
    ranked = sorted(tops, key=lambda r: (-len(tops[r][0]), r))
    centres = ranked[:3] + ranked[len(ranked) // 2:len(ranked) // 2 + 2]
    asks = [(depth, cap, types) for depth in (1, 2) for cap in (1, 25, MAX_LIMIT_PER_TYPE)
            for types in (None, ["RESEARCHER"], ["RESEARCHER", "PAPER"])]
    stored = {(c, *ask[:2], str(ask[2])): neighbourhood(graph, c, ask[0], ask[2], ask[1])
              for c in centres for ask in asks}
    graph.write("forget_top_coauthors")
    counted = {(c, *ask[:2], str(ask[2])): neighbourhood(graph, c, ask[0], ask[2], ask[1])
               for c in centres for ask in asks}
    assert stored == counted


def test_the_hubs_neighbourhood_reads_none_of_its_coauthor_edges(
        graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> None:
    """At depth 1, and at depth 2 past the edge budget (as for the 1M graph's hub, whose
    co-authors' edges are far past it), against the same requests ranking every edge."""
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    hub = graph.read("most_coauthored_researcher")[0]["id"]
    degree = graph.read("coauthor_degree", id=hub)[0]["degree"]
    assert degree > TOP_COAUTHORS
    params = {"id": hub, "types": list(NODE_TYPES), "cap": 25}
    asks = {1: ("explore/neighbourhood_near", params),
            2: ("explore/neighbourhood", {**params, "exact_edges": 200})}
    from_list = {depth: db_hits(graph, name, **asked) for depth, (name, asked) in asks.items()}
    graph.write("forget_top_coauthors")
    from_edges = {depth: db_hits(graph, name, **asked) for depth, (name, asked) in asks.items()}
    for depth in asks:
        # the ranking reads each COAUTHOR edge and its works, and each co-author's id and works
        assert from_edges[depth] - from_list[depth] >= 3 * degree, (depth, from_list, from_edges)


def test_counting_or_moving_the_tops_of_an_unknown_researcher_writes_nothing(
        graph: Graph) -> None:
    graph.write("readmodel/top_coauthors", researcher_ids=["X-unknown"], keep=TOP_COAUTHORS)
    graph.write("derive/move_top_coauthors", keep=TOP_COAUTHORS,
                researchers=[{"id": "X-unknown", "changed": [{"id": "X-other", "works": 1}]}])
    assert graph.read("count_nodes")[0]["nodes"] == 0
