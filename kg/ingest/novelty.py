"""Novelty kept exact after every ingest batch without re-deciding every paper.

A paper is novel when some pair a < b of its level-`topic` topics has NPMI < theta
(`ATYPICAL_NPMI`), NPMI = ln(n_ab N / (n_a n_b)) / ln(N / n_ab). Every batch moves N and some
topic and pair counts, so any paper can flip, but only a paper near the threshold can flip after
a small move. With x = ln n_ab, y = ln n_a, ln n_b, L = ln N and D = ln(N / n_ab) > 0,

    NPMI - theta = g / D,   g = (1 + theta) x + (1 - theta) L - y_a - y_b,

so a pair is below the threshold iff its `g` < 0 (when n_ab = N, n_a = n_b = N and g = 0: not
novel, the convention NPMI = 1). `g` is linear in the log counts: no small denominator to
bound. Each paper with a topic pair stores `novelty_margin`, the least `g` of its pairs at its
last decision (`margin`, rounded to MARGIN_GRID), under a RANGE index.

Between two decisions of a paper, each of its pairs' `g` moves by

    dg = (1 + theta) dx + (1 - theta) dL - dy_a - dy_b,

and |dx|, |dy| are at most the total variation of the log count of that pair or topic since
the paper's decision. Bookkeeping (`readmodel/novelty_drift`, per batch):

* Each topic and CO_OCCURS pair whose count a batch moves adds |ln(new / old)| to its own
  `novelty_drift`, and the Corpus keeps the largest (`novelty_topic_drift`, `_pair_drift`).
* A topic or pair with fewer than EXPAND_BELOW papers before or after the move is instead
  re-decided directly: every paper holding it (few, by definition) is re-decided and its drift
  starts again from zero. So every paper holding a topic or pair was decided after that
  entity's drift last started, and the stored drift bounds its move since.
* The Corpus keeps the least and greatest N at a batch end since the last re-basing
  (`novelty_n_min`, `novelty_n_max`); a decision happened at one of those N.

Hence dg lies in [lo, hi], lo = (1 - theta) ln(N / n_max) - E, hi = (1 - theta) ln(N / n_min) + E,
E = (1 + theta) P + 2 T, and a paper can flip only if its margin is in `band` = [min(0, -hi),
max(0, -lo)] (widened by SLACK for the rounding). Each batch re-decides (a) its own changed
papers, (b) the holders of the small topics and pairs it moved and (c) the papers in the band, by
a range seek. When N has grown by more than REBASE_GROWTH (log) since the last re-basing, or the
band would hold more than BAND_SHARE of the tagged papers, the batch marks novelty stale
instead, and right after it commits every paper is re-decided once (`rebase`) and the drift
starts again from zero. tests/unit/test_novelty.py proves the bound against brute force.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

from kg.db.graph import Graph, Transaction
from kg.ingest import serial
from kg.metrics import ATYPICAL_NPMI

EXPAND_BELOW = 16  # papers: a topic or pair this small is re-decided directly when it moves
REBASE_GROWTH = 0.2  # ln(N / N at the last re-basing) that forces a full re-decision
BAND_SHARE = 0.5  # of the tagged papers: a wider band re-bases instead
MARGIN_GRID = 2.0 ** 20  # margins are stored rounded to multiples of 1 / MARGIN_GRID
SLACK = 4.0 / MARGIN_GRID  # rounding of the stored margin and float error of the decision
CHUNK = 2000
DRIFT_CHUNK = 50_000


class PaperFacts(Protocol):
    """What novelty reads of a paper's facts (derive.PaperFacts; derive imports this module's
    caller, so it is not imported here)."""

    @property
    def topics(self) -> frozenset[str]: ...


def margin(n_ab: float, n_a: float, n_b: float, n: float, theta: float = ATYPICAL_NPMI) -> float:
    """`g` of one pair, unrounded (the same expression as readmodel/novelty, in the same order)."""
    return (1 + theta) * math.log(n_ab) + (1 - theta) * math.log(n) - math.log(n_a) - math.log(n_b)


def stored(value: float) -> float:
    """A margin as stored: rounded to the grid (floor(x + 0.5), the same in Cypher and numpy)."""
    return math.floor(value * MARGIN_GRID + 0.5) / MARGIN_GRID


@dataclass(frozen=True)
class Drift:
    """How far the inputs of novelty may have moved since any paper's decision."""

    n: int
    n_min: int
    n_max: int
    topic_drift: float
    pair_drift: float

    def growth(self) -> float:
        if self.n_min <= 0:
            return 0.0 if self.n_max <= 0 else math.inf
        return math.log(self.n_max / self.n_min)

    def reach(self, theta: float = ATYPICAL_NPMI) -> tuple[float, float]:
        """[lo, hi]: how far any pair's `g` can have moved since its paper's decision."""
        if self.n <= 0 or self.n_min <= 0:
            return -math.inf, math.inf
        spread = (1 + theta) * self.pair_drift + 2 * self.topic_drift
        return ((1 - theta) * math.log(self.n / self.n_max) - spread,
                (1 - theta) * math.log(self.n / self.n_min) + spread)

    def band(self, theta: float = ATYPICAL_NPMI) -> tuple[float, float]:
        """The stored margins of the papers that can have flipped: [low, high]."""
        lo, hi = self.reach(theta)
        return min(0.0, -hi) - SLACK, max(0.0, -lo) + SLACK


def moves(before: Mapping[str, PaperFacts],
          after: Mapping[str, PaperFacts]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """How a batch moves each topic's paper count and each pair's (a < b), by paper id; a paper
    missing from `before` is new."""
    topics: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for paper_id, new in after.items():
        known = before.get(paper_id)
        old = known.topics if known is not None else frozenset()
        if old == new.topics:
            continue
        topics.subtract(old)
        topics.update(new.topics)
        pairs.subtract(combinations(sorted(old), 2))
        pairs.update(combinations(sorted(new.topics), 2))
    return (Counter({k: v for k, v in topics.items() if v}),
            Counter({k: v for k, v in pairs.items() if v}))


@dataclass(frozen=True)
class Decision:
    """What one batch re-decided: its own papers, holders of small topics and pairs, the band
    (None when the batch asked for a re-basing instead)."""

    own: int
    holders: int
    band: int | None


def after_batch(tx: Transaction, before: Mapping[str, PaperFacts],
                after: Mapping[str, PaperFacts]) -> Decision:
    """Re-decide, inside the batch's transaction, every paper whose flag can have changed (the
    facts of its papers `before` and `after` it, by id), or mark novelty stale for a re-basing
    right after the commit (`settle`)."""
    topics, pairs = moves(before, after)
    if not topics:
        return Decision(0, 0, 0)
    paper_ids = [pid for pid, new in after.items()
                 if (before[pid].topics if pid in before else frozenset()) != new.topics]
    row = tx.run("readmodel/novelty_drift",
                 topics=[{"id": t, "delta": d} for t, d in sorted(topics.items())],
                 pairs=[{"a": a, "b": b, "delta": d} for (a, b), d in sorted(pairs.items())],
                 expand_below=EXPAND_BELOW)[0]
    if not row["leveled"]:
        return Decision(0, 0, 0)
    drift = Drift(row["n"] or 0, row["n_min"] or 0, row["n_max"] or 0,
                  row["topic_drift"] or 0.0, row["pair_drift"] or 0.0)
    if not row["based"] or drift.growth() > REBASE_GROWTH:
        tx.run("readmodel/mark_novelty_stale")
        return Decision(0, 0, None)
    low, high = drift.band()
    limit = int(BAND_SHARE * drift.n)
    band = [r["id"] for r in tx.run("readmodel/novelty_band", low=low, high=high,
                                    limit=limit + 1)]
    if len(band) > limit:
        tx.run("readmodel/mark_novelty_stale")
        return Decision(0, 0, None)
    holders = [r["id"] for r in tx.run("readmodel/novelty_holders",
                                       topic_ids=row["expand_topics"],
                                       pairs=row["expand_pairs"])]
    ids = sorted(set(paper_ids) | set(holders) | set(band))
    for start in range(0, len(ids), CHUNK):
        tx.run("readmodel/novelty", paper_ids=ids[start:start + CHUNK],
               atypical_npmi=ATYPICAL_NPMI, grid=MARGIN_GRID)
    return Decision(len(paper_ids), len(holders), len(band))


def settle(graph: Graph) -> int | None:
    """After a batch commits: re-base if it (or an interrupted earlier run) asked for it;
    returns the papers re-decided, None when nothing was stale."""
    if not graph.read("readmodel/novelty_stale")[0]["stale"]:
        return None
    return rebase(graph)


def rebase(graph: Graph) -> int:
    """Re-decide every paper with a topic pair (or a stored flag or margin), then start the
    drift again from zero; returns the papers re-decided. The stale flag is cleared last, so an
    interrupted re-basing runs again."""
    candidates = [row["id"] for row in graph.read("readmodel/novelty_candidates")]
    for start in range(0, len(candidates), CHUNK):
        serial.write_transaction(graph, lambda tx, chunk=candidates[start:start + CHUNK]: tx.run(
            "readmodel/novelty", paper_ids=chunk, atypical_npmi=ATYPICAL_NPMI, grid=MARGIN_GRID))
    while serial.write_transaction(graph, lambda tx: tx.run(
            "readmodel/forget_pair_drift", limit=DRIFT_CHUNK))[0]["forgotten"]:
        pass
    serial.write_transaction(graph, lambda tx: tx.run("readmodel/rebase_novelty_drift"))
    return len(candidates)
