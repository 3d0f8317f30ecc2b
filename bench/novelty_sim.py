"""Novelty's per-batch re-decision simulated in numpy, no Neo4j: the global bound of the fourth
pass and the per-class bound of kg/ingest/novelty.py side by side, on the same generated works.

    .venv/bin/python -m bench.novelty_sim [--works 200000] [--batch 1000] [--batches 10]
                                          [--generation 1000000]

The first `--works` works of a generation of `--generation` works (testkit/generator.py, seed 7;
its cores only: topics) are the graph, every paper decided at a re-basing; then `--batches`
batches of `--batch` further works of the same generation land one after the other. Each scheme
keeps its own bookkeeping by the rules of readmodel/novelty_drift and re-decides, per batch, its
own papers, the holders of the small topics and pairs the batch moved, and its band (or every
paper at a re-basing, by the same rules: REBASE_GROWTH, BAND_SHARE):

* global (the fourth pass, 27c9289..ce0a5b8): each paper stores g (N included); the band is
  |g| within the largest drift of any topic and pair plus the range of N since the re-basing;
* symmetric: each paper stores h (N left out), its flag and its class; the band is two seeks
  per class, each as wide as the largest drift (rise + fall) of that class and above;
* class (kg/ingest/novelty.py before `keeps`): the same with rises and falls apart
  (`novelty.Drift.seeks`): a novel paper can only flip by its pairs' rises and its topics'
  falls, a plain one by the reverse; every re-decided paper stores its fresh margin and class;
* kept (what kg/ingest/novelty.py does): class, but a re-decided paper whose flag holds keeps
  its stored margin and class when `novelty.keeps` allows (always in the band only; its own
  papers and holders when the stored pair bounds the fresh one).

Per batch it prints the papers each scheme re-decided (own + holders + band), how many of the
papers already decided had their stored margin or class moved (index entries moved), and the
papers whose flag actually flipped, and checks that after the batch every stored flag of every
scheme equals the live one (exact). Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import math
import time
from dataclasses import dataclass, field
from itertools import combinations, islice

import numpy as np

from kg.ingest import novelty
from kg.metrics import ATYPICAL_NPMI
from testkit.generator import Generator

THETA = ATYPICAL_NPMI
SLOTS = 3  # pairs of a paper with three topics (the generator draws at most three)


@dataclass
class Counts:
    """The facts novelty reads: per paper its topics and pairs (-1: none), and the counts."""

    topics: np.ndarray  # papers x SLOTS topic ids
    pairs: np.ndarray  # papers x SLOTS pair ids
    pair_topics: list[tuple[int, int]] = field(default_factory=list)
    pair_ids: dict[tuple[int, int], int] = field(default_factory=dict)

    def pair_id(self, a: int, b: int) -> int:
        key = (a, b) if a < b else (b, a)
        found = self.pair_ids.get(key)
        if found is None:
            found = self.pair_ids[key] = len(self.pair_topics)
            self.pair_topics.append(key)
        return found


class Scheme:
    """One scheme's bookkeeping: per item (topic, pair) drift and top, per paper its decision."""

    def __init__(self, name: str, papers: int, topics: int) -> None:
        self.name = name
        self.topic_drift = np.zeros(topics)
        self.topic_top = np.zeros(topics)
        self.pair_drift = np.zeros(0)
        self.pair_top = np.zeros(0)
        self.topic_rise = np.zeros(topics)
        self.pair_rise = np.zeros(0)
        # per class: largest rise and fall of topics and of pairs
        self.kept = {kind: np.zeros(novelty.CLASSES)
                     for kind in ("topic_rises", "topic_falls", "pair_rises", "pair_falls")}
        self.n_min = self.n_max = 0
        self.flag = np.zeros(papers, dtype=bool)
        self.stored = np.zeros(papers)  # g (global) or h (class), rounded
        self.rank = np.zeros(papers, dtype=np.int64)
        self.decided = np.zeros(papers, dtype=bool)

    def grow(self, pairs: int) -> None:
        extra = pairs - len(self.pair_drift)
        self.pair_drift = np.concatenate([self.pair_drift, np.zeros(extra)])
        self.pair_top = np.concatenate([self.pair_top, np.zeros(extra)])
        self.pair_rise = np.concatenate([self.pair_rise, np.zeros(extra)])

    def rebase(self, n: int) -> None:
        self.topic_drift[:] = self.topic_top[:] = 0
        self.pair_drift[:] = self.pair_top[:] = 0
        self.topic_rise[:] = self.pair_rise[:] = 0
        for kept in self.kept.values():
            kept[:] = 0
        self.n_min = self.n_max = n


def _live(counts: Counts, topic_n: np.ndarray, pair_n: np.ndarray, n: int
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per paper: least h (inf without a pair), live flag, class from the counts now."""
    h = np.full(len(counts.pairs), np.inf)
    least = np.full(len(counts.pairs), np.inf)
    ends = np.array(counts.pair_topics or [(0, 0)])
    for slot in range(SLOTS):
        pid = counts.pairs[:, slot]
        has = pid >= 0
        p = pid[has]
        a, b = ends[p, 0], ends[p, 1]
        n_ab, n_a, n_b = pair_n[p], topic_n[a].astype(float), topic_n[b].astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):  # papers not landed yet
            value = (1 + THETA) * np.log(n_ab) - np.log(n_a) - np.log(n_b)
        h[has] = np.minimum(h[has], value)
        for counted in (n_ab, n_a, n_b):
            least[has] = np.minimum(least[has], np.where(counted >= novelty.EXPAND_BELOW,
                                                         counted, np.inf))
    flag = h + (1 - THETA) * math.log(n) < 0
    exponent = np.frexp(np.where(np.isinf(least), 1.0, least))[1] - 1
    rank = np.where(np.isinf(least), novelty.CLASSES - 1,
                    np.minimum(exponent, novelty.CLASSES - 1))
    return h, flag, rank


def _rounded(values: np.ndarray) -> np.ndarray:
    return np.floor(values * novelty.MARGIN_GRID + 0.5) / novelty.MARGIN_GRID


def _decide(scheme: Scheme, ids: np.ndarray, live: tuple[np.ndarray, ...], n: int,
            loose: np.ndarray | None = None) -> int:
    """Store the decisions of these papers; `loose` (the "kept" scheme's batches): which of
    them are in the band only. Returns how many already decided papers' margin or class moved."""
    h, flag, rank = live
    value = _rounded(h[ids] + (1 - THETA) * math.log(n) if scheme.name == "global" else h[ids])
    write = np.ones(len(ids), dtype=bool)
    if loose is not None:
        held = scheme.decided[ids] & (scheme.flag[ids] == flag[ids])
        bounds = (scheme.rank[ids] <= rank[ids]) & np.where(
            flag[ids], scheme.stored[ids] >= value, scheme.stored[ids] <= value)
        write = ~(held & (loose | bounds))
    moved = int((scheme.decided[ids] & write & ((scheme.stored[ids] != value)
                                                | (scheme.rank[ids] != rank[ids]))).sum())
    ids, value = ids[write], value[write]
    scheme.flag[ids] = flag[ids]
    scheme.rank[ids] = rank[ids]
    scheme.stored[ids] = value
    scheme.decided[ids] = True
    return moved


def _move(drift: np.ndarray, rise: np.ndarray, top: np.ndarray, ids: np.ndarray,
          was: np.ndarray, now: np.ndarray, rises: np.ndarray, falls: np.ndarray) -> np.ndarray:
    """readmodel/novelty_drift for one kind of item; returns the ids that expand."""
    small = (was < novelty.EXPAND_BELOW) | (now < novelty.EXPAND_BELOW)
    drift[ids[small]] = rise[ids[small]] = top[ids[small]] = 0
    big = ids[~small]
    step = np.log(now[~small] / was[~small])
    drift[big] += np.abs(step)
    rise[big] += np.maximum(step, 0.0)
    top[big] = np.maximum(np.where(top[big] > 0, top[big], was[~small]),
                          np.maximum(was[~small], now[~small]))
    ranks = np.minimum(np.frexp(top[big])[1] - 1, novelty.CLASSES - 1)
    np.maximum.at(rises, ranks, rise[big])
    np.maximum.at(falls, ranks, drift[big] - rise[big])
    return ids[small]


def _band(scheme: Scheme, candidates: np.ndarray, n: int) -> np.ndarray:
    kept = scheme.kept
    if scheme.name == "global":
        topic = (kept["topic_rises"] + kept["topic_falls"]).max()
        pair = (kept["pair_rises"] + kept["pair_falls"]).max()
        spread = (1 + THETA) * pair + 2 * topic
        lo = (1 - THETA) * math.log(n / scheme.n_max) - spread
        hi = (1 - THETA) * math.log(n / scheme.n_min) + spread
        low, high = min(0.0, -hi) - novelty.SLACK, max(0.0, -lo) + novelty.SLACK
        g = scheme.stored[candidates]
        return candidates[(g >= low) & (g <= high)]
    if scheme.name == "symmetric":  # rise + fall (>= the drift of each item) both ways
        topics = (kept["topic_rises"] + kept["topic_falls"]).tolist()
        pairs = (kept["pair_rises"] + kept["pair_falls"]).tolist()
        drift = novelty.Drift(n, scheme.n_min, scheme.n_max, topics, topics, pairs, pairs)
    else:
        drift = novelty.Drift(n, scheme.n_min, scheme.n_max, kept["topic_rises"].tolist(),
                              kept["topic_falls"].tolist(), kept["pair_rises"].tolist(),
                              kept["pair_falls"].tolist())
    novel, plain = drift.seeks()
    up = np.array([s["margin"] for s in novel])
    down = np.array([s["margin"] for s in plain])
    rank, h, flag = scheme.rank[candidates], scheme.stored[candidates], scheme.flag[candidates]
    return candidates[np.where(flag, h >= up[rank], h < down[rank])]


def _read(total: int, used: int) -> list[list[int]]:
    started = time.perf_counter()
    topics = [core[2] for core in islice(Generator(total, 7).cores(), used)]
    print(f"topics of {used} works of a generation of {total} drawn in "
          f"{time.perf_counter() - started:.0f}s", flush=True)
    return topics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--generation", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    total = args.works + args.batch * args.batches
    works = _read(max(args.generation, total), total)
    topic_count = max((t for topics in works for t in topics), default=0) + 1
    counts = Counts(np.full((total, SLOTS), -1), np.full((total, SLOTS), -1))
    for number, topics in enumerate(works):
        counts.topics[number, :len(topics)] = topics
        for slot, (a, b) in enumerate(combinations(topics, 2)):
            counts.pairs[number, slot] = counts.pair_id(a, b)
    topic_n = np.zeros(topic_count)
    pair_n = np.zeros(len(counts.pair_topics))
    landed = args.works
    base = slice(0, landed)
    np.add.at(topic_n, counts.topics[base][counts.topics[base] >= 0], 1)
    np.add.at(pair_n, counts.pairs[base][counts.pairs[base] >= 0], 1)
    n = int((counts.topics[base, 0] >= 0).sum())
    schemes = [Scheme(name, total, topic_count)
               for name in ("global", "symmetric", "class", "kept")]
    live = _live(counts, topic_n, pair_n, n)
    candidates = np.flatnonzero(counts.pairs[:landed, 0] >= 0)
    for scheme in schemes:
        scheme.grow(len(pair_n))
        scheme.rebase(n)
        _decide(scheme, candidates, live, n)
    print(f"{args.works} works, {n} tagged, {len(candidates)} with a pair; batches of "
          f"{args.batch}", flush=True)
    flags = live[1].copy()
    for number in range(args.batches):
        new = np.arange(landed, landed + args.batch)
        landed += args.batch
        topics = counts.topics[new][counts.topics[new] >= 0]
        pairs = counts.pairs[new][counts.pairs[new] >= 0]
        moved_topics, topic_delta = np.unique(topics, return_counts=True)
        moved_pairs, pair_delta = np.unique(pairs, return_counts=True)
        topic_was = topic_n[moved_topics].copy()
        np.add.at(topic_n, topics, 1)
        pair_was = pair_n[moved_pairs].copy()
        np.add.at(pair_n, pairs, 1)
        n += int((counts.topics[new, 0] >= 0).sum())
        live = _live(counts, topic_n, pair_n, n)
        candidates = np.flatnonzero(counts.pairs[:landed, 0] >= 0)
        own = new[counts.pairs[new, 0] >= 0]
        decided = candidates[candidates < landed - args.batch]  # the batch's own: not yet
        flipped = int((live[1][:landed - args.batch] != flags[:landed - args.batch]).sum())
        flags = live[1].copy()
        line = [f"batch {number + 1}: N {n}, flipped {flipped}"]
        for scheme in schemes:
            scheme.n_min, scheme.n_max = min(scheme.n_min, n), max(scheme.n_max, n)
            small_topics = _move(scheme.topic_drift, scheme.topic_rise, scheme.topic_top,
                                 moved_topics, topic_was, topic_n[moved_topics],
                                 scheme.kept["topic_rises"], scheme.kept["topic_falls"])
            small_pairs = _move(scheme.pair_drift, scheme.pair_rise, scheme.pair_top,
                                moved_pairs, pair_was, pair_n[moved_pairs],
                                scheme.kept["pair_rises"], scheme.kept["pair_falls"])
            band = _band(scheme, decided, n)
            if (math.log(scheme.n_max / scheme.n_min) > novelty.REBASE_GROWTH
                    or len(band) > novelty.BAND_SHARE * n):
                scheme.rebase(n)
                _decide(scheme, candidates, live, n)
                line.append(f"{scheme.name}: re-basing {len(candidates)}")
                continue
            holders = decided[np.isin(counts.topics[decided], small_topics).any(axis=1)
                              | np.isin(counts.pairs[decided], small_pairs).any(axis=1)]
            chosen = np.union1d(np.union1d(own, holders), band)
            loose = (np.isin(chosen, band) & ~np.isin(chosen, np.union1d(own, holders))
                     if scheme.name == "kept" else None)
            moved = _decide(scheme, chosen, live, n, loose)
            line.append(f"{scheme.name}: own {len(own)} + holders {len(holders)} + band "
                        f"{len(band)} = {len(chosen)} ({100 * len(chosen) / len(candidates):.1f}%)"
                        f", moved {moved}")
        for scheme in schemes:
            wrong = int((scheme.flag[candidates] != live[1][candidates]).sum())
            if wrong:
                line.append(f"{scheme.name} NOT EXACT: {wrong} flags")
        print("; ".join(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
