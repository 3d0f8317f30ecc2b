"""Drives one input file through reading, parsing, batching and writing.

Bad input stops nothing: a line that cannot be read or parsed goes to the rejects file with its
line number and reason, and the rest lands. When the database refuses a batch (a value its index
cannot hold, a batch over the transaction memory limit), the batch is written again in halves,
down to the one record it refuses, which is rejected with the database's reason.

Search sees a batch moments after it commits (the full-text indexes are eventually consistent:
schema/indexes.cypher); a file's ingest returns once they hold everything it wrote.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from kg.db import schema, statistics
from kg.db.graph import Graph
from kg.errors import BadInput, QueryTooLarge, StatementFailed
from kg.ingest.lines import BadLine, ReadLimits, read_records
from kg.ingest.records import RecordError
from kg.ingest.rejects import RejectsFile

R = TypeVar("R")
WAITING_INDEX = "paper_pending_refs"  # every batch of papers asks it (ingest/waiting_papers)


@dataclass(frozen=True)
class Format(Generic[R]):
    """How one source format is parsed and written."""

    name: str
    parse: Callable[[dict[str, Any]], R]
    write: Callable[[Graph, list[R]], int]
    finish: Callable[[Graph], Any] = lambda graph: None


@dataclass(frozen=True)
class IngestReport:
    path: Path
    read: int
    written: int
    rejected: int
    seconds: float
    rejects_path: Path
    statistics: statistics.Refresh | None = None

    def summary(self, format_name: str) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        line = (f"ingest {format_name} {self.path.name}: read {self.read}, written {self.written}, "
                f"rejected {self.rejected} in {self.seconds:.1f}s ({rate:.0f} records/s)")
        if self.statistics is not None:
            line += f"; {self.statistics.summary()}"
        if self.rejected:
            line += f"; rejects in {self.rejects_path}"
        return line


class Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, label: str, enabled: bool | None = None) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.started = time.perf_counter()
        self._last = 0.0

    def update(self, read: int, written: int, rejected: int, final: bool = False) -> None:
        now = time.perf_counter()
        if not self.enabled or (not final and now - self._last < 0.25):
            return
        self._last = now
        rate = read / (now - self.started) if now > self.started else 0.0
        sys.stderr.write(f"\r{self.label}: {read} read, {written} written, {rejected} rejected, "
                         f"{rate:.0f} records/s")
        if final:
            sys.stderr.write("\n")
        sys.stderr.flush()


def ingest_file(
    graph: Graph,
    path: Path,
    fmt: Format[R],
    batch_size: int,
    rejects_path: Path,
    progress: Progress | None = None,
    limits: ReadLimits | None = None,
) -> IngestReport:
    started = time.perf_counter()
    schema.require_online(graph, WAITING_INDEX)
    rejects = RejectsFile(rejects_path, path)
    read = written = 0
    batch: list[tuple[int, str, R]] = []
    progress = progress or Progress(f"{fmt.name} {path.name}", enabled=False)

    def flush() -> None:
        nonlocal written
        written += _write_batch(graph, fmt, batch, rejects)
        fmt.finish(graph)
        batch.clear()
        progress.update(read, written, rejects.count)

    try:
        for line in read_records(path, limits):
            if isinstance(line, BadLine):
                read += 1
                rejects.add(line.number, line.reason, line.raw)
                continue
            if not line.record:
                continue
            read += 1
            try:
                batch.append((line.number, line.raw, fmt.parse(line.record)))
            except RecordError as exc:
                rejects.add(line.number, str(exc), line.raw)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        fmt.finish(graph)
        refreshed = statistics.refresh(graph, changed=written)
        graph.read("admin/await_search")
    finally:
        rejects.close()
    progress.update(read, written, rejects.count, final=True)
    return IngestReport(path, read, written, rejects.count, time.perf_counter() - started,
                        rejects.path, refreshed)


def _write_batch(
    graph: Graph, fmt: Format[R], batch: list[tuple[int, str, R]], rejects: RejectsFile
) -> int:
    try:
        return fmt.write(graph, [record for _, _, record in batch])
    except (BadInput, QueryTooLarge, StatementFailed) as exc:
        if len(batch) > 1:
            half = len(batch) // 2
            return (_write_batch(graph, fmt, batch[:half], rejects)
                    + _write_batch(graph, fmt, batch[half:], rejects))
        number, raw, _ = batch[0]
        rejects.add(number, f"refused by the database: {exc}", raw)
        return 0
