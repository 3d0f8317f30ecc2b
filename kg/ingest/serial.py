"""Concurrent ingests are serialised batch by batch on the Corpus node's write lock.

A batch reads the state of its papers (absent, or the facts and record digest they hold) and
moves every derived edge and stored figure by the difference, in one write transaction. Neo4j
runs transactions at read-committed isolation, so two `kg ingest` runs of overlapping files that
each read a paper as absent before the other committed it would both add its pairs: double
counts. Every transaction of the ingest that reads such state first takes one exclusive lock
(`ingest/lock_corpus`), so the batches of concurrent ingests run one after the other, each
reading what the one before it committed; a batch waits for the lock, it is never refused. The
same lock covers the end-of-file novelty pass, whose flips are read-then-write too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from kg.db.graph import Graph, Transaction

T = TypeVar("T")


def lock(tx: Transaction) -> None:
    """Take the ingest lock for the rest of this transaction (before reading any state)."""
    tx.run("ingest/lock_corpus")


def write_transaction(graph: Graph, work: Callable[[Transaction], T]) -> T:
    """`work` in one write transaction that holds the ingest lock from its first statement."""
    def locked(tx: Transaction) -> T:
        lock(tx)
        return work(tx)

    return graph.write_transaction(locked)
