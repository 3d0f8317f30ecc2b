"""The arithmetic the incremental path relies on (kg/ingest/derive.py), without a database."""

from __future__ import annotations

import random

from kg.ingest.derive import COAUTHOR_MAX_AUTHORS, PaperFacts, coauthor_term


def test_coauthor_weights_sum_to_the_same_float_in_any_order() -> None:
    terms = [coauthor_term(random.Random(seed).randint(2, COAUTHOR_MAX_AUTHORS))
             for seed in range(3000)]
    forward = sum(terms, 0.0)
    for seed in range(5):
        shuffled = terms[:]
        random.Random(seed).shuffle(shuffled)
        assert sum(shuffled, 0.0) == forward
    assert sum(terms[1000:], 0.0) == forward - sum(terms[:1000], 0.0)


def test_a_coauthor_term_is_within_a_trillionth_of_the_newman_term() -> None:
    assert all(abs(coauthor_term(n) - 1 / (n - 1)) <= 2 ** -41
               for n in range(2, COAUTHOR_MAX_AUTHORS + 1))


def test_a_paper_over_the_author_limit_makes_no_partners() -> None:
    authors = {f"A{i}": (f"I{i % 3}",) for i in range(5)}
    assert PaperFacts(author_count=5, authors=authors).partners() == {"I0", "I1", "I2"}
    assert PaperFacts(author_count=COAUTHOR_MAX_AUTHORS + 1, authors=authors).partners() == set()
