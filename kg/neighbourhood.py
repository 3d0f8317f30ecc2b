"""The neighbourhood of a node for graph-explorer widgets: typed nodes and edges to depth 1 or 2,
capped per type inside Cypher (queries/explore/neighbourhood.cypher), with counts of what was
left out: exact at depth 1, and at depth 2 exact or bounded (`Truncation.exact`). Ranking,
weights, shape and the bounds are documented in docs/services.md (## Neighbourhood)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kg.db.graph import Graph
from kg.errors import BadInput, NotFound
from kg.papers import paper_id_for
from kg.vocabulary import NODE_TYPES

MAX_LIMIT_PER_TYPE = 100


@dataclass(frozen=True)
class GraphNode:
    id: str
    type: str
    label: str
    weight: float


@dataclass(frozen=True)
class GraphEdge:
    id: str  # "<source>-<TYPE>-<target>", stable across calls
    source: str
    target: str
    type: str
    weight: float


@dataclass(frozen=True)
class Truncation:
    type: str
    remaining: int  # exact, or a lower bound when not `exact`
    remaining_at_most: int  # an upper bound; equals `remaining` when `exact`
    exact: bool


@dataclass(frozen=True)
class Neighbourhood:
    center: GraphNode
    nodes: tuple[GraphNode, ...]  # the centre first, then each type, most relevant first
    edges: tuple[GraphEdge, ...]  # sorted by id
    truncated: tuple[Truncation, ...]  # only the types with something left out, or maybe


def _node(found: dict[str, Any], node_type: str) -> GraphNode:
    return GraphNode(id=found["id"], type=node_type, label=found["label"],
                     weight=float(found["weight"]))


def neighbourhood(graph: Graph, node_id: str, depth: int = 1,
                  types: Sequence[str] | None = None,
                  limit_per_type: int = 25) -> Neighbourhood:
    """Nodes and edges around `node_id`; at most `limit_per_type` nodes of each type besides the
    centre; `types` None means all types, an empty list is BadInput (it would find nothing, not
    even the centre). A paper may be named by any of its source ids (a DOI, an arXiv id).
    NotFound when no node has this id."""
    if depth not in (1, 2):
        raise BadInput(f"depth must be 1 or 2, not {depth}")
    if not 1 <= limit_per_type <= MAX_LIMIT_PER_TYPE:
        raise BadInput(f"limit per type must be between 1 and {MAX_LIMIT_PER_TYPE}, "
                       f"not {limit_per_type}")
    if types is not None and not types:
        raise BadInput("types is empty: name at least one type, or leave it out for all")
    wanted = list(NODE_TYPES) if types is None else [t for t in NODE_TYPES if t in types]
    unknown = set(types or ()) - set(NODE_TYPES)
    if unknown:
        raise BadInput(f"unknown node type(s) {sorted(unknown)}; use {', '.join(NODE_TYPES)}")
    exact_edges = graph.settings.neighbourhood_exact_edges
    rows = graph.read("explore/neighbourhood", id=node_id, depth=depth, types=wanted,
                      cap=limit_per_type, exact_edges=exact_edges)
    paper_id = None if rows else paper_id_for(graph, node_id)
    if paper_id is not None:  # another source id of a paper (one paper per work)
        rows = graph.read("explore/neighbourhood", id=paper_id, depth=depth, types=wanted,
                          cap=limit_per_type, exact_edges=exact_edges)
    if not rows:
        raise NotFound(f"no node with id {node_id!r}")
    row = rows[0]
    center = _node(row["center"], row["center"]["type"])
    nodes = [center] + [_node(kept, group["type"]) for group in row["groups"]
                        for kept in group["kept"]]
    edges = sorted(
        (GraphEdge(id=f"{e['source']}-{e['type']}-{e['target']}", **e) for e in row["edges"]),
        key=lambda edge: edge.id,
    )
    truncated = tuple(Truncation(type=g["type"], remaining=g["remaining"],
                                 remaining_at_most=g["at_most"], exact=g["exact"])
                      for g in row["groups"] if g["at_most"] > 0)
    return Neighbourhood(center=center, nodes=tuple(nodes), edges=tuple(edges),
                         truncated=truncated)
