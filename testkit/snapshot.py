"""A graph kept in memory as its nodes and relationships, and rebuilt from them by batched
UNWIND CREATE: a few seconds where ingesting idb03 again takes twenty. The tests load idb03 by
ingesting it once and restoring this snapshot afterwards; tests/integration/test_snapshot.py
proves the restored graph equal to the ingested one. `copies` rebuilds it several times over,
each copy with ids of its own: a set many times larger than the ingested one (test_plan_churn)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from kg.db import statistics
from kg.db.graph import Graph

BATCH = 5000


class NotEmpty(RuntimeError):
    """A snapshot is restored only into an empty database."""


@dataclass(frozen=True)
class Snapshot:
    nodes: list[dict[str, Any]]
    relationships: list[dict[str, Any]]


def take(graph: Graph) -> Snapshot:
    return Snapshot(graph.read("snapshot_nodes"), graph.read("snapshot_relationships"))


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, BATCH)):
        yield batch


def _copy_of(node: dict[str, Any], copy: int) -> dict[str, Any]:
    properties = node["properties"]
    if copy and "id" in properties:
        properties = {**properties, "id": f"{properties['id']}~{copy}"}
    return {**node, "properties": properties}


def _copy_of_relationship(rel: dict[str, Any], copy: int, new: dict[str, str]) -> dict[str, Any]:
    """The relationship between the copies of its ends; a pair key (PARTNER `pair`, unique)
    names the copies' ids."""
    properties = rel["properties"]
    if copy and "pair" in properties:
        low, high = sorted(f"{node_id}~{copy}" for node_id in properties["pair"].split("|"))
        properties = {**properties, "pair": f"{low}|{high}"}
    return {**rel, "start": new[rel["start"]], "end": new[rel["end"]], "properties": properties}


def restore(graph: Graph, snapshot: Snapshot, copies: int = 1) -> int:
    """Rebuild the snapshot `copies` times into the empty database (copy 0 keeps the ids, copy
    k appends `~k` to every id and pair key), then refresh the planner statistics and wait for
    search, as an ingest does. Returns how many nodes were created."""
    if graph.read("count_nodes")[0]["nodes"]:
        raise NotEmpty("restore a snapshot into an empty database")
    created = 0
    for copy in range(copies):
        new: dict[str, str] = {}
        for batch in _batches(_copy_of(node, copy) for node in snapshot.nodes):
            new.update((row["key"], row["node"]) for row in graph.write("restore_nodes",
                                                                        nodes=batch))
        created += len(new)
        for batch in _batches(_copy_of_relationship(rel, copy, new)
                              for rel in snapshot.relationships):
            graph.write("restore_relationships", relationships=batch)
    statistics.refresh(graph, changed=created)
    graph.read("admin/await_search")
    return created
