"""The band of kg/ingest/novelty.py against brute force: over any history of counts, a pair's
margin moves by no more than `Drift.reach` says, so a paper whose flag differs between its
decision and now has its stored margin in `Drift.band`; and the margin's sign is the decision."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import novelty
from kg.ingest.derive import PaperFacts
from kg.metrics import ATYPICAL_NPMI


@st.composite
def counts(draw: st.DrawFn, n: int) -> tuple[int, int, int]:
    """(n_ab, n_a, n_b) possible among n papers."""
    n_a = draw(st.integers(1, n))
    n_b = draw(st.integers(1, n))
    low = max(1, n_a + n_b - n)
    if low > min(n_a, n_b):
        n_b = n - n_a + 1
        low = 1
    n_ab = draw(st.integers(low, min(n_a, n_b)))
    return n_ab, n_a, n_b


@st.composite
def states(draw: st.DrawFn, pairs: int) -> tuple[int, list[tuple[int, int, int]]]:
    """N and the counts of a paper's pairs at one batch end."""
    n = draw(st.integers(2, 400))
    return n, [draw(counts(n)) for _ in range(pairs)]


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[int, list[tuple[int, int, int]]]]:
    pairs = draw(st.integers(1, 3))
    return draw(st.lists(states(pairs), min_size=2, max_size=6))


def _npmi(n_ab: int, n_a: int, n_b: int, n: int) -> float:
    if n_ab == n:
        return 1.0
    return math.log(n_ab * n / (n_a * n_b)) / -math.log(n_ab / n)


def _variation(values: list[int]) -> float:
    return sum(abs(math.log(b / a)) for a, b in zip(values, values[1:], strict=False))


@settings(max_examples=500, deadline=None)
@given(history=histories(), data=st.data())
def test_a_paper_that_can_have_flipped_has_its_margin_in_the_band(history, data) -> None:
    decided = data.draw(st.integers(0, len(history) - 1))
    ns = [n for n, _ in history]
    pairs = len(history[0][1])
    pair_drift = max(_variation([pairs_[i][0] for _, pairs_ in history]) for i in range(pairs))
    topic_drift = max(_variation([pairs_[i][side] for _, pairs_ in history])
                      for i in range(pairs) for side in (1, 2))
    drift = novelty.Drift(ns[-1], min(ns), max(ns), topic_drift, pair_drift)
    lo, hi = drift.reach()
    then_n, then_pairs = history[decided]
    now_n, now_pairs = history[-1]
    for (ab0, a0, b0), (ab1, a1, b1) in zip(then_pairs, now_pairs, strict=True):
        moved = novelty.margin(ab1, a1, b1, now_n) - novelty.margin(ab0, a0, b0, then_n)
        assert lo - 1e-9 <= moved <= hi + 1e-9
    then = min(novelty.margin(*pair, then_n) for pair in then_pairs)
    now = min(novelty.margin(*pair, now_n) for pair in now_pairs)
    if (then < 0) != (now < 0):
        low, high = drift.band()
        assert low <= novelty.stored(then) <= high


@settings(max_examples=1000, deadline=None)
@given(state=states(1))
def test_a_pair_is_atypical_exactly_when_its_margin_is_negative(state) -> None:
    n, [(n_ab, n_a, n_b)] = state
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
    assert novelty.Drift(10, 0, 10, 0.0, 0.0).growth() == math.inf
    assert novelty.Drift(0, 0, 0, 0.0, 0.0).growth() == 0.0
    assert novelty.Drift(0, 0, 0, 0.0, 0.0).band() == (-math.inf, math.inf)
