"""Where an ingest's time goes: seconds per named query and per phase of a write transaction,
measured by wrapping `Transaction.run` and `Graph.write_transaction` for the block's duration
(bench.incremental, bench.ingest_commit, bench.scale)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kg.db.graph import Graph, Transaction


@contextmanager
def timed_batches() -> Iterator[tuple[Counter[str], Counter[str]]]:
    """Seconds spent running each named query (every query runs through Transaction.run), and
    in each phase of a batch: parsing records ("parse", `Format.parse` via `parsing`), inside
    the write transaction's function ("in transaction": named queries and building their rows;
    "queries in transaction": those queries) and the whole write transaction ("write
    transaction": that, BEGIN and the commit)."""
    spent: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    run_query, write_transaction = Transaction.run, Graph.write_transaction
    inside = [False]

    def run(self: Transaction, name: str, /, **params: Any) -> Any:
        started = time.perf_counter()
        try:
            return run_query(self, name, **params)
        finally:
            spent[name] += time.perf_counter() - started
            if inside[0]:
                phases["queries in transaction"] += time.perf_counter() - started

    def transaction(self: Graph, work: Any) -> Any:
        def timed(tx: Transaction) -> Any:
            started = time.perf_counter()
            inside[0] = True
            try:
                return work(tx)
            finally:
                inside[0] = False
                phases["in transaction"] += time.perf_counter() - started

        started = time.perf_counter()
        try:
            return write_transaction(self, timed)
        finally:
            phases["write transaction"] += time.perf_counter() - started

    Transaction.run = run  # type: ignore[method-assign]
    Graph.write_transaction = transaction  # type: ignore[method-assign]
    try:
        yield spent, phases
    finally:
        Transaction.run = run_query  # type: ignore[method-assign]
        Graph.write_transaction = write_transaction  # type: ignore[method-assign]
