"""Trust: verification levels, TrustRank-style propagation, 0-100 scores with tiers, and the
explanation of a score. The rules and the formula are in docs/services.md, `## Trust`.

The propagation is a personalised PageRank over researchers and institutions. Iterated in Cypher
it took minutes on a graph of 100k nodes (every step rewrote every node); here the walk graph is
read once in chunks of internal ids (flat lists, a few bytes an edge; with it each researcher's
verification level by the rules, works, citations and the digest stored last time), iterated as
a sparse matrix in scipy, scored in numpy, and only the nodes whose values changed are written
back, in chunks on two sessions, with exactly the rules of the Cypher version.

`compute` rewrites the trust properties of every researcher (`verification_level`, `claimed`,
`trust_propagated`, `trust_score`, `trust_tier`, `trust_from_network`) and the walk properties of
researchers and institutions (`trust_out_weight`, `trust_propagated`), with `trust_digest` over
them all, on the nodes where they changed; the other functions only read them. Each new
property is a large part of a first compute's write-back (measured at 1M works: 200k researchers
written with 12 properties in 98 s, with 7 in 33 s), so what follows from stored values is not
stored: the teleport vector (nothing reads it),
and the verification, works and citations components of the score, which the explanation
derives from the stored level, works and citations.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse

from kg.db.graph import Graph, Row
from kg.errors import BadInput, NotFound

DAMPING = 0.85
# Walk weight of one AFFILIATED_WITH edge; a COAUTHOR edge weighs its shared works.
AFFILIATION_WEIGHT = 0.25
TOLERANCE = 1e-6  # stop when the L1 change of one step is below this
MAX_ITERATIONS = 100
EXPORT_CHUNK = 50_000  # internal node ids read per transaction when exporting the walk
READERS = 2  # export transactions at a time
WRITE_CHUNK = 10_000  # walk nodes written back per transaction (bounded transaction memory)
WRITERS = 2  # write-back transactions at a time (disjoint nodes: no lock waits between them)
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
    phases: dict[str, float]  # seconds of export, iterate, score, write-back
    written: int  # walk nodes whose stored values changed and were written

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
    """Recompute verification levels, the propagation and every score, and write back the nodes
    whose stored values differ from the new ones (a recompute of an unchanged graph writes
    nothing). `progress(done, total)` hears once the walk is read, propagated and scored (2 of
    2 + the chunks to write), then of each chunk written back."""
    started = time.perf_counter()
    clock = _Clock()
    report = progress or (lambda done, total: None)
    walk = export_walk(graph)
    clock.lap("export")
    propagated, iterations, change = propagate(walk)
    clock.lap("iterate")
    values = _values(walk, propagated)
    values["digests"] = _digests(walk, values)
    changed = np.flatnonzero(values["digests"] != walk.stored_digests)
    clock.lap("score")
    researchers = changed[walk.levels[changed] >= 0]
    institutions = changed[walk.levels[changed] < 0]
    chunks = ([("trust/write_researchers", part)
               for part in _chunks(researchers, WRITE_CHUNK)]
              + [("trust/write_walk", part) for part in _chunks(institutions, WRITE_CHUNK)])
    steps = 2 + len(chunks)
    report(2, steps)
    with ThreadPoolExecutor(WRITERS) as pool:
        pending = [pool.submit(lambda name, part: graph.write(
                       name, **_written(name, walk, values, part)), name, part)
                   for name, part in chunks]
        try:
            for done, future in enumerate(pending, start=3):
                future.result()
                report(done, steps)
        finally:
            for future in pending:
                future.cancel()
    clock.lap("write-back")
    researcher = walk.levels >= 0
    levels = np.bincount(walk.levels[researcher], minlength=4)
    return TrustRun(
        researchers_by_level={level: int(count) for level, count in enumerate(levels) if count},
        walk_nodes=walk.size,
        seeds=int(np.count_nonzero(walk.teleports)),
        iterations=iterations,
        change=change,
        seconds=time.perf_counter() - started,
        phases=clock.laps,
        written=len(changed),
    )


class _Clock:
    """Seconds per named phase, each measured from the end of the previous one."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self._last = now


def _chunks(indices: np.ndarray, size: int) -> list[np.ndarray]:
    return [indices[start:start + size] for start in range(0, len(indices), size)]


def _values(walk: Walk, propagated: np.ndarray) -> dict[str, np.ndarray]:
    """Everything `compute` stores, by walk index (researcher-only values are 0 on
    institutions). The score follows docs/services.md `## Trust`: network points for the
    propagated trust within `network_decades` decades of the highest researcher's, points for the
    verification level, and for the stored works and citations on a log scale, capped; rounded
    half up; the tier is the first whose min_score the score reaches."""
    p = SCORE_PARAMETERS
    researcher = walk.levels >= 0
    highest = float(propagated[researcher].max()) if researcher.any() else 0.0
    closeness = np.zeros(walk.size)
    if highest > 0:
        positive = researcher & (propagated > 0)
        closeness[positive] = (1 + np.log10(propagated[positive] / highest)
                               / p["network_decades"])
    network = p["network_points"] * np.maximum(closeness, 0.0)
    verification, works, citations = _own_points(walk.levels, walk.works, walk.citations)
    scores = np.floor(network + verification + works + citations + 0.5).astype(np.int64)
    floors = np.array([tier["min_score"] for tier in p["tiers"]])
    return {
        "out_weights": walk.out_weights, "propagated": propagated,
        "network": network, "verification": verification, "works": works,
        "citations": citations, "scores": scores,
        "tiers": np.argmax(scores[:, None] >= floors[None, :], axis=1),
    }


def _own_points(levels: np.ndarray, works: np.ndarray, citations: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The verification, works and citations components of the score (docs/services.md):
    `compute` adds them up into the score, and the explanation derives them again from the
    stored level, works and citations (they are not stored)."""
    p = SCORE_PARAMETERS
    return (p["verification_points"] * np.maximum(levels, 0) / 3.0,
            np.minimum(p["works_points"] * np.log10(1 + works)
                       / math.log10(1 + p["works_full"]), p["works_points"]),
            np.minimum(p["citations_points"] * np.log10(1 + citations)
                       / math.log10(1 + p["citations_full"]), p["citations_points"]))


def _digests(walk: Walk, values: dict[str, np.ndarray]) -> np.ndarray:
    """One int64 per walk node over everything `compute` stores on it (never 0, which stands
    for nothing stored), stored with the values as `trust_digest`: the export reads it back
    instead of the seven values, and a node is written when its digest differs."""
    digest = np.full(walk.size, 0xCBF29CE484222325, dtype=np.uint64)
    for part in (values["out_weights"], values["propagated"], walk.levels, walk.claimed,
                 values["network"], values["scores"], values["tiers"]):
        bits = np.ascontiguousarray(part, dtype=np.float64 if part.dtype.kind == "f"
                                    else np.int64).view(np.uint64)
        digest = (digest ^ bits) * np.uint64(0x100000001B3)
        digest ^= digest >> np.uint64(31)
    signed = digest.view(np.int64)
    return np.where(signed == 0, 1, signed)


def _written(name: str, walk: Walk, values: dict[str, np.ndarray], part: np.ndarray
             ) -> dict[str, Any]:
    """The parameters of one write-back query for the walk indices `part`."""
    walked = {"nodes": walk.nodes[part].tolist(),
              "out_weights": values["out_weights"][part].tolist(),
              "propagated": values["propagated"][part].tolist(),
              "digests": values["digests"][part].tolist()}
    if name == "trust/write_walk":
        return walked
    return {**walked, "levels": walk.levels[part].tolist(),
            "claimed": walk.claimed[part].astype(bool).tolist(),
            **{key: values[key][part].tolist() for key in ("network", "scores", "tiers")},
            "tier_names": [tier["name"] for tier in SCORE_PARAMETERS["tiers"]]}


@dataclass(frozen=True)
class Walk:
    """The walk graph in index space: node i is the graph node `nodes[i]` (an internal id);
    `levels[i]` its verification level by the rules (-1 for an institution), `claimed[i]` 1 when
    an approved claim exists, `works[i]` and `citations[i]` its stored figures; `matrix[i, j]`
    the weight of the undirected edge between i and j (symmetric); `stored_digests[i]` the
    digest the last compute stored (0 where none is)."""

    nodes: np.ndarray
    levels: np.ndarray
    claimed: np.ndarray
    works: np.ndarray
    citations: np.ndarray
    stored_digests: np.ndarray
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


SLICE_LISTS = {"nodes": np.int64, "levels": np.int64, "claimed": np.int64, "works": np.int64,
               "citations": np.int64, "stored_digests": np.int64, "sources": np.int64,
               "targets": np.int64, "weights": np.float64}


def export_walk(graph: Graph) -> Walk:
    """Read the researchers, institutions and their COAUTHOR and AFFILIATED_WITH edges once,
    chunk by chunk of internal ids, READERS chunks at a time (the server reads one while the
    previous one is decoded)."""
    highest = graph.read("trust/walk_extent")[0]["highest"]

    def read(first: int) -> dict[str, np.ndarray]:
        row = graph.read("trust/walk_slice", first=first, size=EXPORT_CHUNK)[0]
        return {name: np.asarray(row[name], dtype=kind) for name, kind in SLICE_LISTS.items()}

    parts: dict[str, list[np.ndarray]] = {name: [np.zeros(0, dtype=kind)]
                                          for name, kind in SLICE_LISTS.items()}
    with ThreadPoolExecutor(READERS) as pool:
        for found in pool.map(read, range(0, highest + 1, EXPORT_CHUNK)):
            for name, array in found.items():
                parts[name].append(array)
    lists = {name: np.concatenate(found) for name, found in parts.items()}
    order = np.argsort(lists["nodes"], kind="stable")
    node_ids = lists["nodes"][order]
    rows = np.searchsorted(node_ids, lists["sources"])
    cols = np.searchsorted(node_ids, lists["targets"])
    size = len(node_ids)
    weights = np.where(lists["weights"] < 0, AFFILIATION_WEIGHT, lists["weights"])
    matrix = scipy.sparse.coo_matrix(
        (np.concatenate([weights, weights]),
         (np.concatenate([rows, cols]), np.concatenate([cols, rows]))),
        shape=(size, size),
    ).tocsr()
    matrix.sort_indices()  # the same sums in the same order whatever order the edges came in
    return Walk(node_ids, lists["levels"][order], lists["claimed"][order],
                lists["works"][order], lists["citations"][order],
                lists["stored_digests"][order], matrix)


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
    components: tuple[Component, ...] = ()
    if row["from_network"] is not None:
        own = _own_points(np.array([row["verification_level"] or 0]),
                          np.array([row["works"] or 0]), np.array([row["citations"] or 0]))
        components = tuple(Component(name, float(value)) for name, value in zip(
            COMPONENTS, (row["from_network"], *(points[0] for points in own)), strict=True))
    total = row["total_inflow"] or 0.0
    if total <= 0:
        return TrustExplanation(row["id"], row["score"], components, (), 0.0)
    contributors = tuple(
        Contributor(item["id"], item["name"], item["kind"], item["inflow"] / total)
        for item in row["top_inflows"]
    )
    others = (total - sum(item["inflow"] for item in row["top_inflows"])) / total
    return TrustExplanation(row["id"], row["score"], components, contributors, max(others, 0.0))