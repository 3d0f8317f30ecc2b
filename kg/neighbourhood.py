"""The neighbourhood of a node for graph-explorer widgets: typed nodes and edges to depth 1 or 2,
capped per type inside Cypher (queries/explore/neighbourhood_near.cypher at depth 1,
neighbourhood.cypher at depth 2), with counts of what was left out: exact at depth 1, and at
depth 2 exact or bounded (`Truncation.exact`). Ranking, weights, shape and the bounds are
documented in docs/services.md (## Neighbourhood)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple

from kg.db.graph import Graph
from kg.errors import BadInput, NotFound
from kg.papers import paper_id_for
from kg.vocabulary import NODE_TYPES

MAX_LIMIT_PER_TYPE = 100


# Named tuples: an answer holds hundreds of edges, and a frozen dataclass takes several times as
# long to make (measured: 8x on Python 3.11).
class GraphNode(NamedTuple):
    id: str
    type: str
    label: str
    weight: float


class GraphEdge(NamedTuple):
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
    if depth == 1:
        name, params = "explore/neighbourhood_near", {"types": wanted, "cap": limit_per_type}
    else:
        name, params = "explore/neighbourhood", {
            "types": wanted, "cap": limit_per_type,
            "exact_edges": graph.settings.neighbourhood_exact_edges}
    rows = graph.read(name, id=node_id, **params)
    paper_id = None if rows else paper_id_for(graph, node_id)
    if paper_id is not None:  # another source id of a paper (one paper per work)
        rows = graph.read(name, id=paper_id, **params)
    if not rows:
        raise NotFound(f"no node with id {node_id!r}")
    return _answer(rows[0])


def _answer(row: dict[str, Any]) -> Neighbourhood:
    """The answer from the query's row: kept nodes as [id, label, weight] and edges as
    [source, target, type, weight] lists (a list decodes faster than a map of the same)."""
    found = row["center"]
    center = GraphNode(id=found["id"], type=found["type"], label=found["label"],
                       weight=float(found["weight"]))
    nodes = [center]
    truncated = []
    for group in row["groups"]:
        kind = group["type"]
        nodes += [GraphNode(node_id, kind, label, float(weight))
                  for node_id, label, weight in group["kept"]]
        if group["at_most"] > 0:
            truncated.append(Truncation(type=kind, remaining=group["remaining"],
                                        remaining_at_most=group["at_most"],
                                        exact=group["exact"]))
    edges = sorted((GraphEdge(f"{source}-{kind}-{target}", source, target, kind, weight)
                    for source, target, kind, weight in row["edges"]),
                   key=attrgetter("id"))
    return Neighbourhood(center=center, nodes=tuple(nodes), edges=tuple(edges),
                         truncated=tuple(truncated))
