"""Derived edges (COAUTHOR, AFFILIATED_WITH, CO_OCCURS, PARTNER): moved by deltas inside each ingest
batch's own transaction, or rebuilt in full by `kg derive --full`.

An ingest batch reads the facts of its papers before rewriting them (`PaperFacts`), and every
derived edge moves by exactly what changed, never by a recount of a node's neighbourhood:

* COAUTHOR: a paper contributes, to each pair of its authors, one work, the Newman term
  1 / (authors - 1) and its year (nothing when it has more than COAUTHOR_MAX_AUTHORS authors).
  A changed paper takes its old contribution off and puts its new one on, so a paper whose author
  count changed moves the weight of all its pairs, and one crossing the limit appears or
  disappears. Terms are rounded to multiples of 2^-40 (`coauthor_term`), which makes the sum exact
  in any order: deltas, the full derivation and the bulk path agree to the bit. First and last
  year widen on a gain; a pair that lost a paper of its first or last year has its years
  recounted from its own shared papers. Both ends' stored top co-authors move with the pairs
  (derive/move_top_coauthors: a merge, recounting a researcher only when its full list lost rank).
* CO_OCCURS: each pair of a paper's topics, one paper. No weight is stored (it would move for
  every pair of a topic whose paper count moved); readers compute NPMI from the counts.
* PARTNER (institution to institution, from the smaller id): each pair of distinct institutions
  named by one paper's authorships (the same paper limit as COAUTHOR), one work.
* AFFILIATED_WITH: a (researcher, institution) pair that gained a paper takes one work and widens
  its years; a pair that lost one (or whose paper moved year) is recounted from that researcher's
  authorships naming the institution and their listed affiliation. Listed affiliations of author
  profiles recount the researcher's pairs (`refresh_affiliations`).

Re-ingesting an unchanged paper changes nothing. `kg derive --full` deletes every derived edge
and counts them again from the facts (`rebuild_all`), then every stored figure (readmodel.py).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from kg.coauthorship import CLOSE_COLLABORATOR_MIN_WORKS, TOP_COAUTHORS
from kg.db.graph import Graph, Transaction
from kg.ingest import readmodel

COAUTHOR_MAX_AUTHORS = 200
FULL_CHUNK = 2000
_TERM_SCALE = 2 ** 40


def coauthor_term(author_count: int) -> float:
    """A paper's Newman term 1 / (authors - 1), rounded to a multiple of 2^-40: sums of such terms
    are exact (while under 2^13), so they do not depend on the order of addition."""
    return round(_TERM_SCALE / (author_count - 1)) / _TERM_SCALE


@dataclass(frozen=True)
class PaperFacts:
    """What derived edges and stored figures are counted from, of one paper."""

    year: int | None = None
    author_count: int = 0
    categories: tuple[str, ...] = ()
    authors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> institution ids
    topics: frozenset[str] = frozenset()

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PaperFacts:
        return cls(row["year"], row["author_count"] or 0, tuple(row["categories"] or ()),
                   {a["id"]: tuple(a["institution_ids"] or ()) for a in row["authors"]},
                   frozenset(row["topic_ids"]))

    def coauthor_side(self) -> tuple[Any, ...]:
        return (self.year, self.author_count, frozenset(self.authors))

    def partners(self) -> frozenset[str]:
        """The institutions this paper makes partners of each other."""
        if self.author_count > COAUTHOR_MAX_AUTHORS:
            return frozenset()
        return frozenset(i for ids in self.authors.values() for i in ids)


def facts_before(tx: Transaction, paper_ids: list[str]) -> dict[str, PaperFacts]:
    """The facts of these papers as the graph holds them now (absent papers are left out)."""
    rows = tx.run("ingest/paper_states", paper_ids=paper_ids)
    return {row["id"]: PaperFacts.from_row(row) for row in rows}


@dataclass(frozen=True)
class Change:
    """Who a batch's changed facts touch: researchers and topics whose figures need refreshing."""

    researcher_ids: set[str]
    topic_ids: set[str]


def move(tx: Transaction, before: dict[str, PaperFacts], after: dict[str, PaperFacts]) -> Change:
    """Move every derived edge from the facts `before` a batch to the facts `after` it (by paper
    id; a paper missing from `before` is new)."""
    coauthors: dict[tuple[str, str], _PairDelta] = defaultdict(_PairDelta)
    cooccurs: Counter[tuple[str, str]] = Counter()
    partners: Counter[tuple[str, str]] = Counter()
    researchers: set[str] = set()
    affiliations: dict[tuple[str, str], _PairDelta] = defaultdict(_PairDelta)
    topics: set[str] = set()
    for paper_id, new in after.items():
        old = before.get(paper_id, PaperFacts())
        if old == new:
            continue
        researchers |= old.authors.keys() | new.authors.keys()
        if old.coauthor_side() != new.coauthor_side():
            _pairs(coauthors, old, -1)
            _pairs(coauthors, new, +1)
        _affiliations(affiliations, old, new)
        if old.topics != new.topics:
            topics |= old.topics ^ new.topics
            cooccurs.subtract(combinations(sorted(old.topics), 2))
            cooccurs.update(combinations(sorted(new.topics), 2))
        if old.partners() != new.partners():
            partners.subtract(combinations(sorted(old.partners()), 2))
            partners.update(combinations(sorted(new.partners()), 2))
    pairs = [delta.row(a, b) for (a, b), delta in sorted(coauthors.items()) if delta.moves()]
    if pairs:
        shared = tx.run("derive/move_coauthors", pairs=pairs, max_authors=COAUTHOR_MAX_AUTHORS,
                        min_shared_works=CLOSE_COLLABORATOR_MIN_WORKS)[0]["shared"]
        _move_tops(tx, shared)
    moved = [{"a": a, "b": b, "papers": n} for (a, b), n in sorted(cooccurs.items()) if n]
    if moved:
        tx.run("derive/move_cooccurrence", pairs=moved)
    moved = [{"a": a, "b": b, "works": n} for (a, b), n in sorted(partners.items()) if n]
    if moved:
        tx.run("derive/move_partners", pairs=moved)
    moved = [{"r": r, "i": i, "works": delta.works, "first_year": min(delta.added, default=None),
              "last_year": max(delta.added, default=None), "recount": bool(delta.removed)}
             for (r, i), delta in sorted(affiliations.items())]
    if moved:
        tx.run("derive/move_affiliations", pairs=moved)
    return Change(researchers, topics)


def _move_tops(tx: Transaction, shared: list[list[Any]]) -> None:
    """Move the stored top co-authors of both ends of every pair whose shared works moved
    (`shared`: [a, b, works now], from derive/move_coauthors)."""
    changed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a, b, works in shared:
        changed[a].append({"id": b, "works": works})
        changed[b].append({"id": a, "works": works})
    if changed:
        tx.run("derive/move_top_coauthors", keep=TOP_COAUTHORS,
               researchers=[{"id": r, "changed": sorted(others, key=lambda o: o["id"])}
                            for r, others in sorted(changed.items())])


@dataclass
class _PairDelta:
    works: int = 0
    weight: float = 0.0
    added: Counter[int] = field(default_factory=Counter)
    removed: Counter[int] = field(default_factory=Counter)

    def moves(self) -> bool:
        return bool(self.works or self.weight or self.added != self.removed)

    def row(self, a: str, b: str) -> dict[str, Any]:
        added, removed = self.added - self.removed, self.removed - self.added
        return {"a": a, "b": b, "works": self.works, "weight": self.weight,
                "first_year": min(added, default=None), "last_year": max(added, default=None),
                "removed_years": sorted(removed)}


def _pairs(deltas: dict[tuple[str, str], _PairDelta], facts: PaperFacts, sign: int) -> None:
    if facts.author_count > COAUTHOR_MAX_AUTHORS or len(facts.authors) < 2:
        return
    term = sign * coauthor_term(facts.author_count)
    for a, b in combinations(sorted(facts.authors), 2):
        delta = deltas[(a, b)]
        delta.works += sign
        delta.weight += term
        if facts.year is not None:
            (delta.added if sign > 0 else delta.removed)[facts.year] += 1


def _affiliations(deltas: dict[tuple[str, str], _PairDelta], old: PaperFacts,
                  new: PaperFacts) -> None:
    """The (researcher, institution) pairs a changed paper moves: one that lost it, or whose year
    it moved, is recounted (`removed`); one that gained it takes a work and its year."""
    before = {(r, i) for r, ids in old.authors.items() for i in ids}
    after = {(r, i) for r, ids in new.authors.items() for i in ids}
    kept = before & after if old.year == new.year else set()
    for pair in before - kept:
        deltas[pair].removed[old.year] += 1
    for pair in after - kept:
        delta = deltas[pair]
        delta.works += 1
        if new.year is not None:
            delta.added[new.year] += 1


def refresh_affiliations(tx: Transaction, researcher_ids: list[str]) -> None:
    """Recount AFFILIATED_WITH of these researchers from their own works and listings."""
    if researcher_ids:
        tx.run("derive/delete_affiliations_of", researcher_ids=researcher_ids)
        tx.run("derive/affiliations_of", researcher_ids=researcher_ids)


def recount(tx: Transaction, researcher_ids: list[str], topic_ids: list[str]) -> None:
    """Derive every derived edge of these researchers and topics again from all their papers
    (`kg derive --full` only: this is the recount the deltas avoid)."""
    if researcher_ids:
        tx.run("derive/delete_coauthors_of", researcher_ids=researcher_ids)
        tx.run("derive/coauthors_of", researcher_ids=researcher_ids,
               max_authors=COAUTHOR_MAX_AUTHORS)
        refresh_affiliations(tx, researcher_ids)
    if topic_ids:
        tx.run("derive/delete_cooccurrence_of", topic_ids=topic_ids)
        tx.run("derive/cooccurrence_of", topic_ids=topic_ids)


def key_pairs(graph: Graph) -> int:
    """Key the PARTNER edges of a graph derived before they had keys (the moves find an edge by
    its key, so an unkeyed one would be duplicated); returns how many."""
    keyed = 0
    while done := graph.write("derive/key_pairs", limit=50000)[0]["keyed"]:
        keyed += done
    return keyed


def rebuild_all(graph: Graph, progress: Callable[[int, int], None] | None = None) -> float:
    """Delete every derived edge and derive them again from the facts, then every stored figure;
    returns seconds taken. `progress(done, total)` hears of each node (researcher or topic)
    re-derived."""
    started = time.perf_counter()
    while graph.write("derive/delete_all", limit=50000)[0]["deleted"]:
        pass
    researcher_ids = [row["id"] for row in graph.read("derive/all_researcher_ids")]
    topic_ids = [row["id"] for row in graph.read("derive/all_topic_ids")]
    total, done = len(researcher_ids) + len(topic_ids), 0
    chunks = [(researcher_ids[start:start + FULL_CHUNK], [])
              for start in range(0, len(researcher_ids), FULL_CHUNK)]
    chunks += [([], topic_ids[start:start + FULL_CHUNK])
               for start in range(0, len(topic_ids), FULL_CHUNK)]
    for researchers, topics in chunks:
        graph.write_transaction(lambda tx, r=researchers, t=topics: recount(tx, r, t))
        done += len(researchers) + len(topics)
        if progress:
            progress(done, total)
    paper_ids = [row["id"] for row in graph.read("readmodel/all_paper_ids")]
    for start in range(0, len(paper_ids), FULL_CHUNK):
        graph.write("derive/partners_of_papers", paper_ids=paper_ids[start:start + FULL_CHUNK],
                    max_authors=COAUTHOR_MAX_AUTHORS)
    readmodel.rebuild_all(graph, topic_ids, researcher_ids, paper_ids)
    return time.perf_counter() - started

