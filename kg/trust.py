"""Trust: verification levels, TrustRank-style propagation run as Cypher, 0-100 scores with tiers,
and the explanation of a score. The rules and the formula are in docs/services.md, `## Trust`.

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

from kg.db.graph import Graph, Row
from kg.errors import BadInput, NotFound

DAMPING = 0.85
# Walk weight of one AFFILIATED_WITH edge; a COAUTHOR edge weighs its shared works.
AFFILIATION_WEIGHT = 0.25
TOLERANCE = 1e-6  # stop when the L1 change of one step is below this
MAX_ITERATIONS = 100
SCORE_CHUNK = 10_000  # researchers scored per transaction (bounded transaction memory)
WALK_PROPERTIES = ("trust_propagated", "trust_next")  # each step reads one and writes the other
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
    levels = {
        row["level"]: row["researchers"]
        for row in graph.write("trust/set_verification_levels", researcher_ids=None)
    }
    walk = graph.write("trust/prepare_walk", affiliation_weight=AFFILIATION_WEIGHT)[0]
    researcher_ids = [row["id"] for row in graph.read("derive/all_researcher_ids")]
    steps = MAX_ITERATIONS + math.ceil(len(researcher_ids) / SCORE_CHUNK)
    change, iterations = math.inf, 0
    read_from, write_to = WALK_PROPERTIES
    while change >= TOLERANCE and iterations < MAX_ITERATIONS:
        rows = graph.write(
            "trust/iterate", damping=DAMPING, affiliation_weight=AFFILIATION_WEIGHT,
            read_from=read_from, write_to=write_to,
        )
        change = float(rows[0]["change"] or 0.0)
        iterations += 1
        read_from, write_to = write_to, read_from
        report(iterations, steps)
    graph.write("trust/keep_latest", latest=read_from)
    for number, start in enumerate(range(0, len(researcher_ids), SCORE_CHUNK), start=1):
        graph.write("trust/score_all", researcher_ids=researcher_ids[start:start + SCORE_CHUNK],
                    **SCORE_PARAMETERS)
        report(MAX_ITERATIONS + number, steps)
    return TrustRun(
        researchers_by_level=levels,
        walk_nodes=walk["walk_nodes"],
        seeds=walk["seeds"],
        iterations=iterations,
        change=change,
        seconds=time.perf_counter() - started,
    )


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
    if not 0 <= top <= MAX_CONTRIBUTORS:
        raise BadInput(f"top must be between 0 and {MAX_CONTRIBUTORS}, got {top}")
    rows = graph.read(
        "trust/explanation_of", researcher_id=researcher_id, damping=DAMPING,
        affiliation_weight=AFFILIATION_WEIGHT, top=top,
    )
    if not rows:
        raise NotFound(f"no researcher {researcher_id!r}")
    row = rows[0]
    components = tuple(
        Component(name, row[f"from_{name}"])
        for name in COMPONENTS
        if row[f"from_{name}"] is not None
    )
    total = row["total_inflow"] or 0.0
    if total <= 0:
        return TrustExplanation(researcher_id, row["score"], components, (), 0.0)
    contributors = tuple(
        Contributor(item["id"], item["name"], item["kind"], item["inflow"] / total)
        for item in row["top_inflows"]
    )
    others = (total - sum(item["inflow"] for item in row["top_inflows"])) / total
    return TrustExplanation(researcher_id, row["score"], components, contributors, max(others, 0.0))
