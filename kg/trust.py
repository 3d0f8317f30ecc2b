"""Trust: verification levels, TrustRank-style propagation, 0-100 scores with tiers, and the
explanation of a score. The rules and the formula are in docs/services.md, `## Trust`.

The propagation is a personalised PageRank over researchers and institutions. Iterated in Cypher
it took minutes on a graph of 100k nodes (every step rewrote every node); here the walk graph is
read once in chunks of internal ids (flat lists, a few bytes an edge), iterated as a sparse
matrix in scipy, and written back in chunks, with exactly the rules of the Cypher version.

`compute` rewrites the trust properties of every researcher (`verification_level`, `claimed`,
`trust_propagated`, `trust_score`, `trust_tier`, `trust_from_*`) and the walk properties of
researchers and institutions (`trust_out_weight`, `trust_teleport`, `trust_propagated`); the
other functions only read them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse

from kg.db.graph import Graph, Row
from kg.errors import BadInput, NotFound

DAMPING = 0.85
# Walk weight of one AFFILIATED_WITH edge; a COAUTHOR edge weighs its shared works.
AFFILIATION_WEIGHT = 0.25
TOLERANCE = 1e-6  # stop when the L1 change of one step is below this
MAX_ITERATIONS = 100
SCORE_CHUNK = 10_000  # researchers scored per transaction (bounded transaction memory)
EXPORT_CHUNK = 50_000  # internal node ids read per transaction when exporting the walk
WRITE_CHUNK = 10_000  # walk nodes written back per transaction
LEVEL_CHUNK = 200_000  # internal ids whose researchers get their levels per transaction
SCORE_PARAMETERS = {
    "network_points": 60.0,
    "network_decades": 2.0,
    "verification_points": 20.0,
    "works_points": 10.0,
    "works_full": 100,
    "citations_points": 10.0,
    "citations_full": 10000,
    "tiers": [
        {"name": "Exemplary", "min_score": 75},
        {"name": "Trusted", "min_score": 50},
        {"name": "Established", "min_score": 25},
        {"name": "Emerging", "min_score": 0},
    ],
}
COMPONENTS = ("network", "verification", "works", "citations")
MAX_CONTRIBUTORS = 50


@dataclass(frozen=True)
class TrustRun:
    """What one `compute` did."""

    researchers_by_level: dict[int, int]
    walk_nodes: int
    seeds: int
    iterations: int
    change: float
    seconds: float

    @property
    def converged(self) -> bool:
        return self.change < TOLERANCE


@dataclass(frozen=True)
class Trust:
    """A researcher's stored trust; score, tier and propagated are None before the first compute."""

    researcher_id: str
    score: int | None
    tier: str | None
    verification_level: int
    claimed: bool
    propagated: float | None


@dataclass(frozen=True)
class Component:
    """Points of one part of the score; the components add up to the score before rounding."""

    name: str
    value: float


@dataclass(frozen=True)
class Contributor:
    """A neighbour (researcher or institution) and its share of the trust that flowed in."""

    id: str
    name: str | None
    kind: str
    share: float


@dataclass(frozen=True)
class TrustExplanation:
    """Components of the score and the top contributors; contributor shares + others = 1 when
    any trust flowed in, and everything is empty/0 when none did."""

    researcher_id: str
    score: int | None
    components: tuple[Component, ...]
    contributors: tuple[Contributor, ...]
    others: float


def compute(graph: Graph, progress: Callable[[int, int], None] | None = None) -> TrustRun:
    """Recompute verification levels, the propagation and every score. `progress(done, total)`
    hears of each propagation step (counted against MAX_ITERATIONS; the steps a convergence
    saves are skipped at once) and of each chunk of scores."""
    started = time.perf_counter()
    report = progress or (lambda done, total: None)
    levels: dict[int, int] = {}
    highest_id = graph.read("trust/walk_extent")[0]["highest"]
    for first in range(0, highest_id + 1, LEVEL_CHUNK):
        for row in graph.write("trust/set_verification_levels", researcher_ids=None,
                               first=first, size=LEVEL_CHUNK):
            levels[row["level"]] = levels.get(row["level"], 0) + row["researchers"]
    levels = dict(sorted(levels.items()))
    walk = export_walk(graph)
    steps = 2 + math.ceil(walk.size / WRITE_CHUNK)
    report(1, steps)
    propagated, iterations, change = propagate(walk)
    report(2, steps)
    for start in range(0, walk.size, WRITE_CHUNK):
        part = slice(start, start + WRITE_CHUNK)
        graph.write(
            "trust/write_walk", nodes=walk.nodes[part].tolist(),
            out_weights=walk.out_weights[part].tolist(), teleports=walk.teleports[part].tolist(),
            propagated=propagated[part].tolist(),
        )
        report(2 + start // WRITE_CHUNK + 1, steps)
    researchers = walk.nodes[walk.levels >= 0]
    highest = float(propagated[walk.levels >= 0].max()) if len(researchers) else 0.0
    for start in range(0, len(researchers), SCORE_CHUNK):
        graph.write("trust/score_all", nodes=researchers[start:start + SCORE_CHUNK].tolist(),
                    highest=highest, **SCORE_PARAMETERS)
    return TrustRun(
        researchers_by_level=levels,
        walk_nodes=walk.size,
        seeds=int(np.count_nonzero(walk.teleports)),
        iterations=iterations,
        change=change,
        seconds=time.perf_counter() - started,
    )


@dataclass(frozen=True)
class Walk:
    """The walk graph in index space: node i is the graph node `nodes[i]` (an internal id);
    `levels[i]` its verification level (-1 for an institution); `matrix[i, j]` the weight of the
    undirected edge between i and j (symmetric)."""

    nodes: np.ndarray
    levels: np.ndarray
    matrix: scipy.sparse.csr_matrix

    @property
    def size(self) -> int:
        return len(self.nodes)

    @cached_property
    def out_weights(self) -> np.ndarray:
        """Shared works over COAUTHOR edges + the affiliation weight per AFFILIATED_WITH edge."""
        return np.asarray(self.matrix.sum(axis=1)).ravel()

    @cached_property
    def teleports(self) -> np.ndarray:
        """Researchers: verification level / the sum of all levels (only L1+ are seeds); uniform
        over researchers when nobody is L1+; institutions: 0."""
        researcher = self.levels >= 0
        weights = np.where(researcher, self.levels, 0).astype(np.float64)
        if weights.sum() <= 0:
            weights = researcher.astype(np.float64)
        total = weights.sum()
        return weights / total if total > 0 else weights


def export_walk(graph: Graph) -> Walk:
    """Read the researchers, institutions and their COAUTHOR and AFFILIATED_WITH edges once,
    chunk by chunk of internal ids."""
    highest = graph.read("trust/walk_extent")[0]["highest"]
    kinds = {"nodes": np.int64, "levels": np.int64, "sources": np.int64, "targets": np.int64,
             "weights": np.float64}
    parts: dict[str, list[np.ndarray]] = {name: [np.zeros(0, dtype=kind)]
                                          for name, kind in kinds.items()}
    for first in range(0, highest + 1, EXPORT_CHUNK):
        row = graph.read("trust/walk_slice", first=first, size=EXPORT_CHUNK,
                         affiliation_weight=AFFILIATION_WEIGHT)[0]
        for name, kind in kinds.items():
            parts[name].append(np.asarray(row[name], dtype=kind))
    node_ids, node_levels, edge_sources, edge_targets, edge_weights = (
        np.concatenate(found) for found in parts.values())
    order = np.argsort(node_ids, kind="stable")
    node_ids, node_levels = node_ids[order], node_levels[order]
    rows = np.searchsorted(node_ids, edge_sources)
    cols = np.searchsorted(node_ids, edge_targets)
    size = len(node_ids)
    matrix = scipy.sparse.coo_matrix(
        (np.concatenate([edge_weights, edge_weights]),
         (np.concatenate([rows, cols]), np.concatenate([cols, rows]))),
        shape=(size, size),
    ).tocsr()
    return Walk(node_ids, node_levels, matrix)


def propagate(walk: Walk) -> tuple[np.ndarray, int, float]:
    """Power iteration of the personalised PageRank; returns the values, the number of steps and
    the L1 change of the last one. A node's next value is DAMPING * (inflow from its neighbours +
    dangling mass * its teleport) + (1 - DAMPING) * its teleport, where a neighbour u passes
    value(u) * edge weight / out-weight(u) and the dangling mass is the value held by nodes
    without edges. It starts from the teleport vector and stops when a step changes the values by
    less than TOLERANCE (L1) or after MAX_ITERATIONS steps."""
    teleports = walk.teleports
    out_weights = walk.out_weights
    dangling = out_weights == 0
    inverse = np.divide(1.0, out_weights, out=np.zeros_like(out_weights), where=~dangling)
    values = teleports.copy()
    change, iterations = math.inf, 0
    while change >= TOLERANCE and iterations < MAX_ITERATIONS:
        inflow = walk.matrix @ (values * inverse)
        following = (DAMPING * (inflow + values[dangling].sum() * teleports)
                     + (1 - DAMPING) * teleports)
        change = float(np.abs(following - values).sum())
        values = following
        iterations += 1
    return values, iterations, change


def update_verification_level(graph: Graph, researcher_id: str) -> None:
    """Re-derive one researcher's verification level (after a claim is decided); the score
    follows at the next `compute`."""
    graph.write("trust/set_verification_level_of", researcher_id=researcher_id)


def trust_of(graph: Graph, researcher_id: str) -> Trust:
    """The stored trust of one researcher; `NotFound` when there is no such researcher."""
    found = trust_for(graph, [researcher_id])[0]
    if found is None:
        raise NotFound(f"no researcher {researcher_id!r}")
    return found


def trust_for(graph: Graph, researcher_ids: list[str]) -> list[Trust | None]:
    """The stored trust of each researcher, in the order given (None where there is no such id)."""
    rows = graph.read("trust/of_researchers", researcher_ids=list(dict.fromkeys(researcher_ids)))
    by_id = {row["id"]: _trust(row) for row in rows}
    return [by_id.get(rid) for rid in researcher_ids]


def _trust(row: Row) -> Trust:
    return Trust(
        researcher_id=row["id"],
        score=row["score"],
        tier=row["tier"],
        verification_level=row["verification_level"] or 0,
        claimed=bool(row["claimed"]),
        propagated=row["propagated"],
    )


def trust_explanation(graph: Graph, researcher_id: str, top: int = 5) -> TrustExplanation:
    """Score components and the `top` neighbours whose trust flowed in, with their shares."""
    found = trust_explanations_for(graph, [researcher_id], top)
    if researcher_id not in found:
        raise NotFound(f"no researcher {researcher_id!r}")
    return found[researcher_id]


def trust_explanations_for(graph: Graph, researcher_ids: list[str], top: int = 5
                           ) -> dict[str, TrustExplanation]:
    """`trust_explanation` of many researchers in one query; unknown ids are absent."""
    if not 0 <= top <= MAX_CONTRIBUTORS:
        raise BadInput(f"top must be between 0 and {MAX_CONTRIBUTORS}, got {top}")
    rows = graph.read(
        "trust/explanations_of", researcher_ids=list(dict.fromkeys(researcher_ids)),
        damping=DAMPING, affiliation_weight=AFFILIATION_WEIGHT, top=top,
    )
    return {row["id"]: _explanation(row) for row in rows}


def _explanation(row: Row) -> TrustExplanation:
    components = tuple(
        Component(name, row[f"from_{name}"])
        for name in COMPONENTS
        if row[f"from_{name}"] is not None
    )
    total = row["total_inflow"] or 0.0
    if total <= 0:
        return TrustExplanation(row["id"], row["score"], components, (), 0.0)
    contributors = tuple(
        Contributor(item["id"], item["name"], item["kind"], item["inflow"] / total)
        for item in row["top_inflows"]
    )
    others = (total - sum(item["inflow"] for item in row["top_inflows"])) / total
    return TrustExplanation(row["id"], row["score"], components, contributors, max(others, 0.0))