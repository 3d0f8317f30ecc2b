"""Progress bars with rate and ETA (tqdm) on a terminal for the long commands: ingest, derive,
trust, export. Silent when stderr is not a terminal or the command prints JSON."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from kg.ingest.pipeline import Progress

Report = Callable[[int, int], None]


def wanted(json_output: bool) -> bool:
    return not json_output and sys.stderr.isatty()


def bar(label: str, unit: str, enabled: bool, total: int | None = None) -> tqdm:
    return tqdm(desc=label, unit=unit, total=total, disable=not enabled, dynamic_ncols=True,
                smoothing=0.1, file=sys.stderr)


def reporter(progress: tqdm) -> Report:
    """A `progress(done, total)` callback driving `progress`."""

    def report(done: int, total: int) -> None:
        progress.total = total
        progress.update(done - progress.n)

    return report


def count_lines(path: Path) -> int:
    """Lines of a JSON Lines file, plain or gzip (the ingest bar's total, for its ETA)."""
    with path.open("rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    lines = 0
    with (gzip.open(path, "rb") if compressed else path.open("rb")) as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


class IngestBar(Progress):
    """The ingest pipeline's progress (read, written, rejected) as a bar of records read."""

    def __init__(self, label: str, path: Path, enabled: bool) -> None:
        super().__init__(label, enabled)
        self.bar = bar(label, "rec", enabled, count_lines(path) if enabled else None)

    def update(self, read: int, written: int, rejected: int, final: bool = False) -> None:
        self.bar.update(read - self.bar.n)
        self.bar.set_postfix(written=written, rejected=rejected, refresh=False)
        if final:
            self.bar.close()
