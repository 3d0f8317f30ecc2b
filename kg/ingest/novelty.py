"""Novelty kept exact after every ingest batch without re-deciding every paper.

A paper is novel when some pair a < b of its level-`topic` topics has NPMI < theta
(`ATYPICAL_NPMI`), NPMI = ln(n_ab N / (n_a n_b)) / ln(N / n_ab). With x = ln n_ab, y = ln n_a,
ln n_b, L = ln N and D = ln(N / n_ab) > 0,

    NPMI - theta = g / D,   g = h + (1 - theta) L,   h = (1 + theta) x - y_a - y_b,

so a pair is below the threshold iff its `g` < 0 (when n_ab = N, n_a = n_b = N and g = 0: not
novel, the convention NPMI = 1). Each paper with a topic pair stores, at its decision,
`novelty_margin`: the least `h` of its pairs (N left out; rounded to MARGIN_GRID), and
`novelty_class`: 2 c + 1 when it was decided novel, 2 c when not, where its class c is
floor(log2) of the least count (CO_OCCURS.papers or Topic.papers) >= EXPAND_BELOW among its
pairs and their topics, at most CLASSES - 1 (CLASSES - 1 when it has none), under one composite
RANGE index (novelty_class, novelty_margin).

Bookkeeping (`readmodel/novelty_drift`, per batch). A topic or pair whose count a batch moves
either

* had or has fewer than EXPAND_BELOW papers: every paper holding it (few, by definition) is
  re-decided in the batch, and its bookkeeping starts again (drift, rise, top forgotten); or
* adds |ln(new / old)| to its `novelty_drift`, ln(new / old) when positive to its
  `novelty_rise` (so drift - rise is what it fell), and keeps in `novelty_top` the greatest count
  it had at a batch end since its bookkeeping started; the Corpus keeps, per class k, the
  greatest rise and fall of a topic and of a pair whose top is in class k
  (`novelty_topic_rises[k]`, `_topic_falls`, `_pair_rises`, `_pair_falls`, only ever raised
  until the next re-basing).

Why the band below holds. Take a paper p decided at time t (a batch end), and an item i it
holds (one of its pairs, or a topic of one). Every holder of i was decided after i's
bookkeeping last started (a re-basing or an expansion re-decides every holder; a paper that
takes i later is its batch's own paper), so ln n_i(now) - ln n_i(t) lies in [-fall_i, rise_i]
(the moves since t are some of those since the bookkeeping started). If i had fewer than
EXPAND_BELOW papers at t, it has not moved since t (its first move would have re-decided p).
Otherwise c(p) <= floor(log2 n_i(t)) <= floor(log2 top_i) = k_i, so rise_i <= R[k_i] <= max over
k >= c(p) of R[k], and the same for falls. Hence each of p's pairs' `h` rose by at most

    up(c) = (1 + theta) max_{k >= c} pair rises + 2 max_{k >= c} topic falls

and fell by at most down(c) = (1 + theta) max_{k >= c} pair falls + 2 max_{k >= c} topic rises,
and so did their least. So what p stores, (flag f, margin m, class c), is a certificate: as long
as p's topics stay the same and none of its items starts its bookkeeping again (either
re-decides p), its least `h` now is <= m + up(c) when f is novel and >= m - down(c) when it is
not (up and down as the Corpus keeps them now). With T_now = -(1 - theta) ln N now, p is novel
now iff its least `h` now is < T_now. So p can have flipped only if it was decided novel and its
stored margin is >= T_now - up(c), or decided not novel and its stored margin is < T_now +
down(c) (both widened by SLACK for rounding): two seeks per class on the composite index,
`readmodel/novelty_band`.

What a re-decision writes (`keeps`). Each stored margin and class is an entry of that index, and
moving it is most of what novelty costs a batch's commit; a SET to the value held writes
nothing. A re-decision at time s whose flag did not flip keeps the stored (m, c) when it is
still a certificate, which it is in two cases. (1) p is in the batch's band only (not its own
paper, holding no item that started its bookkeeping again): its certificate of time t still
holds, since neither condition of the certificate was broken between t and s, and its flag is
f (checked at s). (2) The fresh decision (f, m', c') of time s is a certificate, and c <= c'
with m >= m' when f is novel, m <= m' when not: then up(c) >= up(c') and down(c) >= down(c')
(maxima over more classes), so m + up(c) >= m' + up(c') >= least `h` now, and m - down(c) <=
m' - down(c') <= least `h` now. A batch applies (1) to its band and (2) to its own papers and
holders; a re-basing writes every fresh decision (where the band narrows again: a kept margin
can be nearer the threshold than the fresh one, and so in more bands).

N itself is exact (no bound on its move); when counts only grow, as they do when new works land,
topics have no falls and pairs no falls, so a novel paper's band holds only its pairs' rises and
a plain paper's only its topics' rises. Each batch re-decides (a) its own changed papers, (b)
the holders of the small topics and pairs it moved and (c) that band. When N has grown by more
than REBASE_GROWTH (log) since the last re-basing (the drifts of the large items grow with it),
or the band would hold more than BAND_SHARE of the tagged papers, the batch marks novelty stale
instead, and right after it commits every paper is re-decided (`rebase`): the bookkeeping starts
again FIRST, then every paper is re-decided in chunks (each its own transaction under the ingest
lock; a batch of another ingest may commit between two, and its moves then count in the new
drift, so the papers decided before it stay covered), and the stale flag is cleared LAST, only
if no batch asked for another re-basing meanwhile.
tests/unit/test_novelty.py proves the band, with the margins kept as `keeps` keeps them, against
brute force over histories of counts.
"""

from __future__ import annotations

import math
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, NamedTuple, Protocol

from kg.db.graph import Graph, Transaction
from kg.ingest import serial
from kg.metrics import ATYPICAL_NPMI

EXPAND_BELOW = 16  # papers: a topic or pair this small is re-decided directly when it moves
CLASSES = 16  # classes 0..15 of a paper (floor(log2) of its least count >= EXPAND_BELOW, capped)
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
    """`g` of one pair, unrounded."""
    return pair_margin(n_ab, n_a, n_b, theta) + (1 - theta) * math.log(n)


def pair_margin(n_ab: float, n_a: float, n_b: float, theta: float = ATYPICAL_NPMI) -> float:
    """`h` of one pair, unrounded (the same expression as readmodel/novelty, in the same order)."""
    return (1 + theta) * math.log(n_ab) - math.log(n_a) - math.log(n_b)


def threshold(n: float, theta: float = ATYPICAL_NPMI) -> float:
    """T: a pair of a corpus of `n` papers is atypical iff its `h` < T."""
    return -(1 - theta) * math.log(n)


def stored(value: float) -> float:
    """A margin as stored: rounded to the grid (floor(x + 0.5), the same in Cypher and numpy)."""
    return math.floor(value * MARGIN_GRID + 0.5) / MARGIN_GRID


def count_class(count: float) -> int:
    """floor(log2 count) for a count >= 1, at most CLASSES - 1 (as readmodel/novelty has it)."""
    return sum(1 for k in range(1, CLASSES) if 2.0 ** k <= count)


def paper_class(counts: Iterable[float]) -> int:
    """A paper's class from the counts of its pairs and their topics at its decision."""
    large = [c for c in counts if c >= EXPAND_BELOW]
    return count_class(min(large)) if large else CLASSES - 1


@dataclass(frozen=True)
class Drift:
    """How far the inputs of novelty may have moved since any paper's decision: N now, its range
    at batch ends since the last re-basing, and per class the largest rise and fall of a topic
    and of a pair whose greatest count since its bookkeeping started is in that class."""

    n: int
    n_min: int
    n_max: int
    topic_rises: Sequence[float]
    topic_falls: Sequence[float]
    pair_rises: Sequence[float]
    pair_falls: Sequence[float]

    def growth(self) -> float:
        if self.n_min <= 0:
            return 0.0 if self.n_max <= 0 else math.inf
        return math.log(self.n_max / self.n_min)

    def rise(self, cls: int, theta: float = ATYPICAL_NPMI) -> float:
        """How far the `h` of any pair of a paper of class `cls` can have risen (its pair up,
        its topics down)."""
        return ((1 + theta) * max(self.pair_rises[cls:], default=0.0)
                + 2 * max(self.topic_falls[cls:], default=0.0))

    def fall(self, cls: int, theta: float = ATYPICAL_NPMI) -> float:
        """How far it can have fallen (its pair down, its topics up)."""
        return ((1 + theta) * max(self.pair_falls[cls:], default=0.0)
                + 2 * max(self.topic_rises[cls:], default=0.0))

    def seeks(self, theta: float = ATYPICAL_NPMI) -> tuple[list[dict[str, Any]],
                                                           list[dict[str, Any]]]:
        """The band: per class, the least margin of a paper decided novel that can have flipped,
        and the margin below which a paper decided not novel can have (novelty_class keys)."""
        if self.n <= 0:
            return [], []
        t = threshold(self.n, theta)
        return ([{"key": 2 * c + 1, "margin": t - self.rise(c, theta) - SLACK}
                 for c in range(CLASSES)],
                [{"key": 2 * c, "margin": t + self.fall(c, theta) + SLACK}
                 for c in range(CLASSES)])

    @staticmethod
    def of(row: Mapping[str, Any]) -> Drift:
        """From a row of readmodel/novelty_drift (or the Corpus's properties, as named there)."""
        return Drift(row["n"] or 0, row["n_min"] or 0, row["n_max"] or 0,
                     _per_class(row["topic_rises"]), _per_class(row["topic_falls"]),
                     _per_class(row["pair_rises"]), _per_class(row["pair_falls"]))


def _per_class(values: Sequence[float] | None) -> tuple[float, ...]:
    return tuple(values) if values else (0.0,) * CLASSES


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


def keeps(stored: tuple[bool, float, int] | None, fresh: tuple[bool, float | None, int],
          loose: bool) -> bool:
    """Whether a re-decided paper keeps its stored (flag, margin, class) instead of the fresh
    one (readmodel/novelty, the same rule): never when its flag flipped or it has no pair now;
    always when `loose` (a paper of the band only, whose stored decision still holds); else when
    the stored pair bounds it on the side its flag can flip from (class no greater, margin no
    further from the threshold than the fresh one: not lower when novel, not higher when not).
    Each argument: (novel, margin, class c), as stored and as just decided."""
    if stored is None or fresh[1] is None or stored[0] != fresh[0]:
        return False
    novel, margin, cls = stored
    if loose:
        return True
    return cls <= fresh[2] and (margin >= fresh[1] if novel else margin <= fresh[1])


class Decided(NamedTuple):
    """Of the papers one call re-decided: the flags that flipped, the papers that kept their
    stored margin and class, those whose margin or class changed (index entries moved)."""

    flipped: int
    kept: int
    moved: int


@dataclass(frozen=True)
class Decision:
    """What one batch re-decided: its own papers, holders of small topics and pairs, the band
    (None when the batch asked for a re-basing instead), and what the re-decisions wrote."""

    own: int
    holders: int
    band: int | None
    decided: Decided = Decided(0, 0, 0)


def decide(tx: Transaction, paper_ids: list[str], loose: Iterable[str] = (),
           keep: bool = False) -> Decided:
    """Re-decide these papers inside the caller's transaction: each writes its fresh margin and
    class unless `keeps` lets it keep its stored ones (`loose`: the papers of the band only;
    `keep`: the others may keep a stored pair that still bounds them)."""
    loose_ids = set(loose)
    totals = Decided(0, 0, 0)
    pairs_of: dict[str, list[tuple[str, str, list[int]]]] = {}
    for row in tx.run("readmodel/pair_counts", paper_ids=paper_ids):
        for pid in row["holders"]:
            pairs_of.setdefault(pid, []).append((row["a"], row["b"], row["papers"]))
    for start in range(0, len(paper_ids), CHUNK):
        chunk = paper_ids[start:start + CHUNK]
        pair_counts: dict[str, dict[str, list[int]]] = {}
        for pid in chunk:
            for a, b, papers in pairs_of.get(pid, ()):
                pair_counts.setdefault(a, {})[b] = papers
        row = tx.run("readmodel/novelty", paper_ids=chunk,
                     loose_ids=[pid for pid in chunk if pid in loose_ids], keep=keep,
                     pair_counts=pair_counts,
                     atypical_npmi=ATYPICAL_NPMI, grid=MARGIN_GRID,
                     expand_below=EXPAND_BELOW, classes=CLASSES)[0]
        totals = Decided(*(a + row[k] for a, k in zip(totals, Decided._fields, strict=True)))
    return totals


def redecide(graph: Graph, paper_ids: list[str], chunk: int = CHUNK) -> int:
    """Re-decide these papers, `chunk` per write transaction under the ingest lock; returns the
    flags that flipped."""
    return sum(serial.write_transaction(graph, lambda tx, ids=paper_ids[start:start + chunk]:
                                        decide(tx, ids).flipped)
               for start in range(0, len(paper_ids), chunk))


def candidates(graph: Graph) -> list[str]:
    """Every paper that can be novel or stores a decision, by id (a scan of all papers)."""
    return sorted(row["id"] for row in graph.read("readmodel/novelty_candidates"))


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
                 expand_below=EXPAND_BELOW, classes=CLASSES)[0]
    if not row["leveled"]:
        return Decision(0, 0, 0)
    drift = Drift.of(row)
    if not row["based"] or drift.growth() > REBASE_GROWTH:
        tx.run("readmodel/mark_novelty_stale")
        return Decision(0, 0, None)
    novel, plain = drift.seeks()
    limit = int(BAND_SHARE * drift.n)
    band = [r["id"] for r in tx.run("readmodel/novelty_band", novel=novel, plain=plain,
                                    limit=limit + 1)]
    if len(band) > limit:
        tx.run("readmodel/mark_novelty_stale")
        return Decision(0, 0, None)
    holders = [r["id"] for r in tx.run("readmodel/novelty_holders",
                                       topic_ids=row["expand_topics"],
                                       pairs=row["expand_pairs"])]
    decided = decide(tx, sorted(set(paper_ids) | set(holders) | set(band)),
                     loose=set(band) - set(paper_ids) - set(holders), keep=True)
    return Decision(len(paper_ids), len(holders), len(band), decided)


def settle(graph: Graph) -> int | None:
    """After a batch commits: re-base if it (or an interrupted earlier run) asked for it;
    returns the papers re-decided, None when nothing was stale."""
    if not graph.read("readmodel/novelty_stale")[0]["stale"]:
        return None
    return rebase(graph)


def rebase(graph: Graph, chunk: int = CHUNK) -> int:
    """Start the drift again from zero, then re-decide every paper with a topic pair (or a
    stored flag or margin), `chunk` per transaction, then clear the stale flag unless a batch
    asked for another re-basing meanwhile; returns the papers re-decided. In that order a batch
    that commits between two chunks counts in the new drift (the papers decided before it stay
    within the band), and an interrupted re-basing leaves novelty stale, so it runs again."""
    token = uuid.uuid4().hex
    serial.write_transaction(graph, lambda tx: tx.run(
        "readmodel/rebase_novelty_drift", token=token, classes=CLASSES))
    while serial.write_transaction(graph, lambda tx: tx.run(
            "readmodel/forget_pair_drift", limit=DRIFT_CHUNK))[0]["forgotten"]:
        pass
    papers = candidates(graph)
    redecide(graph, papers, chunk)
    serial.write_transaction(graph, lambda tx: tx.run("readmodel/clear_novelty_stale",
                                                      token=token))
    return len(papers)
