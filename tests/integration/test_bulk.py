"""`kg ingest openalex --bulk`: the offline import through neo4j-admin builds exactly the graph the
transactional path builds (every node, property and edge of idb03, derived edges included), on a
scratch server of its own because the import stops the server; it refuses a database that holds
data and the formats it cannot load."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import cli
from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import BadInput
from kg.ingest import bulk, derive
from kg.ingest.formats import FORMATS
from kg.server.local import LocalServer
from testkit import census, generator
from testkit.database import connect, delete_everything, on_free_ports, scratch_server
from testkit.datasets import IDB03_WORKS


@dataclasses.dataclass
class Scratch:
    settings: Settings
    server: LocalServer
    home: Path


@pytest.fixture(scope="module")
def scratch(settings: Settings, tmp_path_factory) -> Iterator[Scratch]:
    own = on_free_ports(settings, brief=True)
    home = tmp_path_factory.mktemp("bulk-server")
    with scratch_server(own, home) as server:
        yield Scratch(own, server, home)


def _bulk(scratch: Scratch, path: Path, tmp_path: Path, fmt: str = "openalex") -> bulk.BulkReport:
    return bulk.bulk_load(scratch.settings, scratch.server, FORMATS[fmt], [path],
                          lambda _: tmp_path / "rejects.jsonl", scratch.settings.batch_size,
                          tmp_path / "csv")


@pytest.fixture(scope="module")
def bulk_idb03(scratch: Scratch, tmp_path_factory) -> Iterator[Graph]:
    report = _bulk(scratch, IDB03_WORKS, tmp_path_factory.mktemp("bulk-idb03"))
    assert (report.read, report.written, report.rejected) == (2643, 2643, 0)
    assert report.multiline  # some of its strings hold an escaped line break
    with connect(scratch.settings) as graph:
        yield graph


def test_bulk_and_transactional_loads_of_idb03_give_identical_graphs(
    bulk_idb03: Graph, idb03_graph: Graph
) -> None:
    assert census.census(bulk_idb03) == census.census(idb03_graph)
    bulk_lines, transactional_lines = census.contents(bulk_idb03), census.contents(idb03_graph)
    assert len(bulk_lines) == len(transactional_lines)
    assert set(bulk_lines) ^ set(transactional_lines) == set()


def test_the_bulk_loaded_graph_has_the_schema(bulk_idb03: Graph, idb03_graph: Graph) -> None:
    from kg.db import schema

    assert schema.in_database(bulk_idb03) == schema.in_database(idb03_graph) == schema.declared()


def test_bulk_refuses_a_database_that_holds_data_with_one_line(
    bulk_idb03: Graph, scratch: Scratch, tmp_path, monkeypatch, capsys
) -> None:
    before = census.census(bulk_idb03)
    with pytest.raises(BadInput, match="empty database only"):
        _bulk(scratch, IDB03_WORKS, tmp_path)
    monkeypatch.setenv("NEO4J_URI", scratch.settings.neo4j_uri)
    monkeypatch.setenv("KG_STATE_DIR", str(scratch.home.parent))
    assert cli.main(["ingest", "openalex", "--bulk", str(IDB03_WORKS)]) == 1
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "empty database only" in message
    assert census.census(bulk_idb03) == before


def test_bulk_refuses_the_formats_that_match_names_while_loading(
    scratch: Scratch, tmp_path
) -> None:
    with pytest.raises(BadInput, match="openalex only"):
        _bulk(scratch, IDB03_WORKS, tmp_path, fmt="arxiv")


def test_generated_works_load_without_rejects_and_their_derived_edges_equal_a_rederivation(
    bulk_idb03: Graph, scratch: Scratch, tmp_path
) -> None:
    delete_everything(bulk_idb03)
    works = tmp_path / "works.jsonl.gz"
    generator.write(works, 1500, seed=11)
    report = _bulk(scratch, works, tmp_path)
    assert (report.written, report.rejected) == (1500, 0)
    assert not report.multiline  # no line break escaped in them: the importer's fast reading
    with connect(scratch.settings) as graph:
        loaded = census.derived_edges_checksum(graph)
        citations = census.census(graph)
        derive.rebuild_all(graph)
        assert census.derived_edges_checksum(graph) == loaded
        assert loaded[0] > 1500 and census.census(graph) == citations
