"""The band of kg/ingest/novelty.py against brute force: over any history of counts (growth,
shrink, items crossing EXPAND_BELOW and powers of two, so classes change), a paper kept by the
per-batch bookkeeping exactly as readmodel/novelty_drift keeps it, and re-decided when an item of
its expands or its stored margin falls in `Drift.seeks` (keeping its stored margin and class when
`novelty.keeps` says so, as readmodel/novelty does), is in the band whenever its flag differs
from its stored one; and the margin's sign is the decision."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import novelty
from kg.ingest.derive import PaperFacts
from kg.metrics import ATYPICAL_NPMI

TOPICS = 3
PAIRS = list(combinations(range(TOPICS), 2))
# counts near the rule's edges: EXPAND_BELOW and powers of two either side
EDGES = sorted({v for k in range(3, 13) for v in (2 ** k - 1, 2 ** k, 2 ** k + 1)})


@st.composite
def counts(draw: st.DrawFn) -> int:
    return draw(st.one_of(st.integers(1, 40), st.sampled_from(EDGES), st.integers(1, 5000)))


@st.composite
def states(draw: st.DrawFn) -> tuple[int, list[int], list[int]]:
    """N, the counts of a paper's three topics and of its three pairs, at one batch end."""
    topics = [draw(counts()) for _ in range(TOPICS)]
    pairs = [min(draw(counts()), topics[a], topics[b]) for a, b in PAIRS]
    n = max(topics) + draw(st.integers(0, 5000))
    return n, topics, pairs


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[int, list[int], list[int]]]:
    """Batch ends: each step moves some items (or only N), up or down, by a little or a lot."""
    history = [draw(states())]
    for _ in range(draw(st.integers(1, 10))):
        n, topics, pairs = history[-1]
        new = draw(states())
        moved = draw(st.lists(st.booleans(), min_size=2 * TOPICS + 1, max_size=2 * TOPICS + 1))
        topics = [t2 if m else t1 for t1, t2, m in zip(topics, new[1], moved, strict=False)]
        pairs = [min(p2 if m else p1, topics[a], topics[b])
                 for p1, p2, m, (a, b) in zip(pairs, new[2], moved[TOPICS:], PAIRS, strict=False)]
        history.append((max(new[0] if moved[-1] else n, *topics), topics, pairs))
    return history


@dataclass
class Item:
    """One topic's or pair's bookkeeping, as readmodel/novelty_drift keeps it."""

    count: int
    drift: float | None = None
    rise: float | None = None
    top: int | None = None


def _zeros() -> list[float]:
    return [0.0] * novelty.CLASSES


@dataclass
class Corpus:
    topic_rises: list[float] = field(default_factory=_zeros)
    topic_falls: list[float] = field(default_factory=_zeros)
    pair_rises: list[float] = field(default_factory=_zeros)
    pair_falls: list[float] = field(default_factory=_zeros)

    def move(self, item: Item, now: int, rises: list[float], falls: list[float]) -> bool:
        """The item's count moves to `now`; True when it expands (its holders re-decided)."""
        was, item.count = item.count, now
        if was == now:
            return False
        if was < novelty.EXPAND_BELOW or now < novelty.EXPAND_BELOW:
            item.drift = item.rise = item.top = None
            return True
        step = math.log(now / was)
        item.drift = (item.drift or 0.0) + abs(step)
        item.rise = (item.rise or 0.0) + max(step, 0.0)
        item.top = max(item.top if item.top is not None else was, was, now)
        rank = novelty.count_class(item.top)
        rises[rank] = max(rises[rank], item.rise)
        falls[rank] = max(falls[rank], item.drift - item.rise)
        return False


def _decision(n: int, topics: list[int], pairs: list[int]) -> tuple[bool, float, int]:
    """(novel, stored margin, class) as readmodel/novelty stores them."""
    hs = [novelty.pair_margin(pairs[j], topics[a], topics[b]) for j, (a, b) in enumerate(PAIRS)]
    novel = min(h + (1 - ATYPICAL_NPMI) * math.log(n) for h in hs) < 0
    rank = novelty.paper_class([*pairs, *topics])
    return novel, novelty.stored(min(hs)), rank


def _in_band(drift: novelty.Drift, novel: bool, stored: float, rank: int) -> bool:
    novel_seeks, plain_seeks = drift.seeks()
    if novel:
        return stored >= next(s["margin"] for s in novel_seeks if s["key"] == 2 * rank + 1)
    return stored < next(s["margin"] for s in plain_seeks if s["key"] == 2 * rank)


def _history_keeps_the_band(history: list[tuple[int, list[int], list[int]]],
                            keeping: bool) -> int:
    """Walks one paper through the history; returns how many re-decisions kept its margin."""
    n, topics, pairs = history[0]
    topic_items, pair_items = [Item(t) for t in topics], [Item(p) for p in pairs]
    corpus = Corpus()
    novel, stored, rank = _decision(n, topics, pairs)
    kept = 0
    for n, topics, pairs in history[1:]:
        expanded = [corpus.move(item, now, corpus.topic_rises, corpus.topic_falls)
                    for item, now in zip(topic_items, topics, strict=True)]
        expanded += [corpus.move(item, now, corpus.pair_rises, corpus.pair_falls)
                     for item, now in zip(pair_items, pairs, strict=True)]
        drift = novelty.Drift(n, n, n, corpus.topic_rises, corpus.topic_falls, corpus.pair_rises,
                              corpus.pair_falls)
        now = _decision(n, topics, pairs)
        in_band = _in_band(drift, novel, stored, rank)
        if now[0] != novel:
            assert any(expanded) or in_band, (novel, stored, rank, now, drift)
        if not any(expanded):  # the live margin is on the stored one's side, within the class's
            if novel:          # rise (novel) or fall (not novel) of it
                assert now[1] - stored <= drift.rise(rank) + novelty.SLACK
            else:
                assert -drift.fall(rank) - novelty.SLACK <= now[1] - stored
        if any(expanded) or in_band:
            if keeping and novelty.keeps((novel, stored, rank), now, loose=not any(expanded)):
                kept += 1
            else:
                novel, stored, rank = now
    return kept


@settings(max_examples=300, deadline=None)
@given(history=histories())
def test_a_paper_whose_flag_can_have_changed_is_expanded_or_in_its_class_band(history) -> None:
    _history_keeps_the_band(history, keeping=False)


@settings(max_examples=600, deadline=None)
@given(history=histories())
def test_a_paper_that_keeps_its_margin_when_keeps_allows_is_still_expanded_or_in_its_band(
    history
) -> None:
    _history_keeps_the_band(history, keeping=True)


def test_a_kept_margin_bounds_the_fresh_one_on_the_side_its_flag_can_flip_from() -> None:
    assert novelty.keeps((True, -9.0, 5), (True, -9.5, 5), loose=False)  # novel, h fell
    assert not novelty.keeps((True, -9.0, 5), (True, -8.5, 5), loose=False)  # novel, h rose
    assert novelty.keeps((False, -7.0, 5), (False, -6.5, 6), loose=False)  # plain, h rose
    assert not novelty.keeps((False, -7.0, 5), (False, -7.5, 5), loose=False)  # plain, h fell
    assert not novelty.keeps((False, -7.0, 6), (False, -6.5, 5), loose=False)  # class fell
    assert novelty.keeps((False, -7.0, 6), (False, -7.5, 5), loose=True)  # band only
    assert not novelty.keeps((False, -7.0, 6), (True, -7.5, 6), loose=True)  # flag flipped
    assert not novelty.keeps(None, (True, -7.5, 6), loose=True)  # nothing stored
    assert not novelty.keeps((False, -7.0, 6), (False, None, 6), loose=True)  # no pair now


def test_a_paper_class_is_floor_log2_of_its_least_count_from_expand_below() -> None:
    assert novelty.paper_class([3, 15, 16, 40]) == 4
    assert novelty.paper_class([31, 32, 1000]) == 4
    assert novelty.paper_class([32, 64]) == 5
    assert novelty.paper_class([2, 15]) == novelty.CLASSES - 1
    assert novelty.paper_class([2 ** 40]) == novelty.CLASSES - 1
    assert [novelty.count_class(2 ** k) for k in range(16)] == list(range(16))
    assert [novelty.count_class(2 ** k - 1) for k in range(2, 16)] == list(range(1, 15))


def test_a_class_rises_and_falls_by_the_largest_moves_of_that_class_and_above() -> None:
    topic_rises, topic_falls, pair_rises, pair_falls = _zeros(), _zeros(), _zeros(), _zeros()
    topic_rises[4], topic_rises[9], pair_rises[6], topic_falls[5], pair_falls[8] = (
        0.3, 0.01, 0.2, 0.05, 0.07)
    drift = novelty.Drift(100, 100, 100, topic_rises, topic_falls, pair_rises, pair_falls)
    assert drift.rise(4) == (1 + ATYPICAL_NPMI) * 0.2 + 2 * 0.05  # pair up, topics down
    assert drift.fall(4) == (1 + ATYPICAL_NPMI) * 0.07 + 2 * 0.3  # pair down, topics up
    assert (drift.rise(7), drift.fall(7)) == (0.0, (1 + ATYPICAL_NPMI) * 0.07 + 2 * 0.01)
    assert (drift.rise(10), drift.fall(10)) == (0.0, 0.0)


@st.composite
def pair_counts(draw: st.DrawFn) -> tuple[int, int, int, int]:
    """(n_ab, n_a, n_b, N) possible together."""
    n = draw(st.integers(2, 400))
    n_a = draw(st.integers(1, n))
    n_b = draw(st.integers(1, n))
    low = max(1, n_a + n_b - n)
    if low > min(n_a, n_b):
        n_b = n - n_a + 1
        low = 1
    return draw(st.integers(low, min(n_a, n_b))), n_a, n_b, n


def _npmi(n_ab: int, n_a: int, n_b: int, n: int) -> float:
    if n_ab == n:
        return 1.0
    return math.log(n_ab * n / (n_a * n_b)) / -math.log(n_ab / n)


@settings(max_examples=1000, deadline=None)
@given(state=pair_counts())
def test_a_pair_is_atypical_exactly_when_its_margin_is_negative(state) -> None:
    n_ab, n_a, n_b, n = state
    assert novelty.margin(n_ab, n_a, n_b, n) == (
        novelty.pair_margin(n_ab, n_a, n_b) - novelty.threshold(n))
    g = novelty.margin(n_ab, n_a, n_b, n)
    if abs(g) > 1e-9:
        assert (_npmi(n_ab, n_a, n_b, n) < ATYPICAL_NPMI) == (g < 0)
    assert abs(novelty.stored(g) - g) <= 0.5 / novelty.MARGIN_GRID


def test_a_pair_on_every_paper_has_margin_zero_and_is_not_atypical() -> None:
    assert novelty.stored(novelty.margin(50, 50, 50, 50)) == 0.0 and _npmi(50, 50, 50, 50) == 1.0


def test_the_moves_of_a_batch_count_topics_and_pairs_of_changed_papers_only() -> None:
    before = {"W1": PaperFacts(topics=frozenset({"T1", "T2"})),
              "W2": PaperFacts(topics=frozenset({"T1"}))}
    after = {"W1": PaperFacts(topics=frozenset({"T1", "T3"})),
             "W2": PaperFacts(topics=frozenset({"T1"})),
             "W3": PaperFacts(topics=frozenset({"T2", "T3"}))}
    topics, pairs = novelty.moves(before, after)
    assert topics == {"T3": 2}
    assert pairs == {("T1", "T2"): -1, ("T1", "T3"): 1, ("T2", "T3"): 1}


def test_growth_without_a_baseline_forces_a_rebasing() -> None:
    none = (_zeros(),) * 4
    assert novelty.Drift(10, 0, 10, *none).growth() == math.inf
    assert novelty.Drift(0, 0, 0, *none).growth() == 0.0
    assert novelty.Drift(0, 0, 0, *none).seeks() == ([], [])
