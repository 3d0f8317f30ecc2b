"""What a test compares when it says two graphs are the same: the census of nodes and edges, and
every derived and CITES edge with its properties."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from kg.graph import Graph

Edge = tuple[str, str, str]
DERIVED = ("COAUTHOR", "CO_OCCURS", "AFFILIATED_WITH")


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
