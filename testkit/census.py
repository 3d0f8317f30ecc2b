"""What a test compares when it says two graphs are the same: the census of nodes and edges,
every derived and CITES edge with its properties, and every node and relationship. Edges are
compared without novelty's bookkeeping (`NOVELTY_BOOKKEEPING`), which follows the batches an
ingest took, not the facts; `contents` leaves it out when asked."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from kg.db.graph import Graph

Edge = tuple[str, str, str]
DERIVED = ("COAUTHOR", "CO_OCCURS", "AFFILIATED_WITH", "PARTNER")


def census(graph: Graph) -> dict[str, int]:
    return {row["what"]: row["n"] for row in graph.read("graph_census")}


# What novelty by band keeps to decide which papers to re-decide (kg/ingest/novelty.py): it
# depends on the path the graph took (the batches since the last re-basing), not on its facts.
NOVELTY_BOOKKEEPING = frozenset({"novelty_drift", "novelty_rise", "novelty_top",
                                 "novelty_margin", "novelty_class", "novelty_n_min",
                                 "novelty_n_max", "novelty_topic_rises", "novelty_topic_falls",
                                 "novelty_pair_rises", "novelty_pair_falls", "novelty_stale",
                                 "novelty_rebase"})


def _facts(properties: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in properties.items() if k not in NOVELTY_BOOKKEEPING}


def edges(graph: Graph, types: tuple[str, ...] = (*DERIVED, "CITES")) -> dict[Edge, dict[str, Any]]:
    return {
        (row["type"], row["source"], row["target"]): _facts(row["props"])
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
    rows = [_rounded({**row, "properties": _facts(row["properties"])})
            for row in graph.read("derived_edges")]
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode())
    return len(rows), digest.hexdigest()


def contents(graph: Graph, leave_out: frozenset[str] = frozenset()) -> list[str]:
    """Every node and relationship with its properties (but those named in `leave_out`), as
    sorted JSON lines."""
    rows = graph.read("graph_contents")
    for row in rows if leave_out else ():
        row["properties"] = {k: v for k, v in row["properties"].items() if k not in leave_out}
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)
