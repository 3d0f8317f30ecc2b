"""What a test compares when it says two graphs are the same: the census of nodes and edges,
every derived and CITES edge with its properties, and every node and relationship."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from kg.db.graph import Graph

Edge = tuple[str, str, str]
DERIVED = ("COAUTHOR", "CO_OCCURS", "AFFILIATED_WITH", "PARTNER")


def census(graph: Graph) -> dict[str, int]:
    return {row["what"]: row["n"] for row in graph.read("graph_census")}


def edges(graph: Graph, types: tuple[str, ...] = (*DERIVED, "CITES")) -> dict[Edge, dict[str, Any]]:
    return {
        (row["type"], row["source"], row["target"]): row["props"]
        for row in graph.read("edges_with_properties") if row["type"] in types
    }


def checksum(graph: Graph) -> str:
    """A digest of every derived and CITES edge with its properties."""
    rows = sorted(json.dumps([*edge, props], sort_keys=True)
                  for edge, props in edges(graph).items())
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value


def derived_edges_checksum(graph: Graph) -> tuple[int, str]:
    """How many derived edges the graph holds and a SHA-256 over all of them with their
    properties. Floats are rounded to 9 decimals: a weight summed over a researcher's papers
    differs in its last bit from one load to the next (the order of the sum is not fixed)."""
    rows = [_rounded(row) for row in graph.read("derived_edges")]
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode())
    return len(rows), digest.hexdigest()


def contents(graph: Graph) -> list[str]:
    """Every node and relationship with its properties, as sorted JSON lines."""
    return sorted(json.dumps(row, sort_keys=True, default=str)
                  for row in graph.read("graph_contents"))
