"""The tests' idb03 loads after the first rebuild a snapshot of the ingested graph
(testkit/snapshot.py); here the rebuilt graph is proven to be the ingested one: the very
snapshot the session restores, against what its ingest built (recorded by tests/conftest.py)."""

from __future__ import annotations

import pytest

from kg.db.graph import Graph
from testkit import snapshot
from testkit.census import census, contents, derived_edges_checksum
from testkit.database import delete_everything
from tests.conftest import DatabaseState, Ingested


def test_a_restored_snapshot_of_idb03_equals_the_ingested_graph(
    graph: Graph, ingested_idb03: Ingested
) -> None:
    taken = DatabaseState.idb03
    assert taken is not None
    delete_everything(graph)

    assert snapshot.restore(graph, taken) == len(taken.nodes) > 8000
    assert (census(graph), derived_edges_checksum(graph), contents(graph)) == ingested_idb03


def test_copies_of_a_snapshot_are_graphs_of_their_own(graph: Graph) -> None:
    graph.driver.execute_query(
        "CREATE (:Researcher {id: 'A1', name: 'Ada'})-[:AUTHORED {position: 1}]->"
        "(:Paper {id: 'W1', title: 'A paper'})<-[:CITES]-(:Paper {id: 'W2'})")
    taken = snapshot.take(graph)
    delete_everything(graph)

    assert snapshot.restore(graph, taken, copies=3) == 9
    counts = census(graph)
    assert (counts["papers"], counts["researchers"], counts["authored"], counts["cites"]) == \
        (6, 3, 3, 3)
    ids = {row["id"] for row in graph.read("all_paper_ids")}
    assert ids == {"W1", "W2", "W1~1", "W2~1", "W1~2", "W2~2"}


def test_a_snapshot_is_never_restored_over_data(graph: Graph) -> None:
    graph.driver.execute_query("CREATE (:Paper {id: 'W1'})")
    taken = snapshot.take(graph)
    with pytest.raises(snapshot.NotEmpty):
        snapshot.restore(graph, taken)
    assert census(graph)["papers"] == 1
