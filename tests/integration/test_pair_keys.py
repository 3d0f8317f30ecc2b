"""PARTNER edges carry their key, pair = 'lowId|highId', under a relationship uniqueness
constraint: an ingest batch finds each institution pair it moves by one index seek
(derive/move_partners), never by expanding a hub institution's edges. Every path that writes
these edges writes the key (the moves, `kg derive --full`, the bulk path:
tests/integration/test_bulk.py), `kg schema apply` keys the edges of a graph derived before the
key existed, so a later batch moves them instead of adding a second edge for the same pair, and
the database refuses a second edge with a key already taken. The first 600 idb03 works in batches
of 150 are the run's snapshot of that ingest (tests/conftest.py `load_idb03_prefix`)."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from kg import cli
from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import AlreadyExists
from kg.ingest import derive
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.census import NOVELTY_BOOKKEEPING, contents, edges
from testkit.datasets import IDB03_WORKS
from testkit.oracle import load_works
from tests.conftest import load_idb03_prefix


def _ingest(graph: Graph, tmp_path: Path, name: str, works: list[dict[str, Any]]) -> None:
    path = tmp_path / f"{name}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(work) + "\n" for work in works)
    report = ingest_file(graph, path, FORMATS["openalex"], 150, tmp_path / f"{name}.rejects")
    assert report.rejected == 0


def _pairs(graph: Graph) -> dict[tuple[str, str, str], Any]:
    return {key: props.get("pair") for key, props in edges(graph, ("PARTNER",)).items()}


@pytest.fixture(scope="module")
def works() -> list[dict[str, Any]]:
    return load_works(IDB03_WORKS)


def test_every_partner_edge_is_keyed_by_its_ends_after_ingest_and_rederivation(
    graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    keyed = _pairs(graph)
    assert len(keyed) > 1000
    assert all(pair == f"{a}|{b}" for (_, a, b), pair in keyed.items())

    derive.rebuild_all(graph)
    assert _pairs(graph) == keyed


def test_a_graph_derived_before_keys_is_keyed_by_schema_apply_and_later_batches_move_its_edges(
    graph: Graph, settings: Settings, works: list[dict[str, Any]], tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory
) -> None:
    load_idb03_prefix(graph, tmp_path_factory, 600, 150)
    keyed = _pairs(graph)
    assert graph.write("remove_pair_keys")[0]["removed"] == len(keyed)

    assert cli.schema_apply(argparse.Namespace(json=True), settings) == 0
    assert _pairs(graph) == keyed
    assert derive.key_pairs(graph) == 0
    _ingest(graph, tmp_path, "more", works[300:1200])

    after_batches = contents(graph, NOVELTY_BOOKKEEPING)
    derive.rebuild_all(graph)
    assert after_batches == contents(graph, NOVELTY_BOOKKEEPING)


def test_the_database_refuses_a_second_partner_edge_for_a_pair(
    graph: Graph, works: list[dict[str, Any]], tmp_path: Path
) -> None:
    _ingest(graph, tmp_path, "works", works[:100])
    (_, a, b), pair = next(iter(_pairs(graph).items()))

    with pytest.raises(AlreadyExists):
        graph.write("create_partner_edge", a=a, b=b, pair=pair)

    assert len([key for key in _pairs(graph) if key[1:] == (a, b)]) == 1
