"""`kg ingest FORMAT --bulk FILE...`: the initial load of an empty database through Neo4j's offline
importer. The records are parsed by the format's own parser in worker processes
(`kg/ingest/parallel_parse.py`), which also render each paper's own CSV rows, written as CSV files
with the derived edges and the read model's stored figures (`kg/ingest/bulk_csv.py`,
`bulk_figures.py`), the local server is stopped, `neo4j-admin database import full` replaces the
empty database, the server starts again and the schema (constraints, indexes) is applied. No
path stores an empty list (the importer cannot write one; the transactional writer leaves the
property out too), so no pass over the papers follows the import. The graph equals the one
`kg ingest FORMAT FILE...` builds (tested on idb03).

Limits: OpenAlex works only (the other formats match names against the graph while they load);
a work whose id came earlier is rejected (the transactional path would overwrite it); the
database must be empty and served by the local server of `kg db start --local`.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kg.config import Settings
from kg.db import schema, statistics
from kg.db.graph import Graph
from kg.errors import BadConfiguration, BadInput
from kg.ingest.bulk_csv import (
    NODE_FILES,
    CsvGraph,
    iter_batches,
    parse_and_render,
)
from kg.ingest.parallel_parse import Rejected, default_workers, parse_file
from kg.ingest.pipeline import Format
from kg.ingest.rejects import RejectsFile
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer

BULK_FORMATS = ("openalex",)


def import_options(multiline: bool) -> tuple[str, ...]:
    """The importer's options: the files are read as multiline only when a string of the input
    may hold a line break (`multiline`; reading them so took 1.8x as long on 100k works), since
    5.26's v2 format, which names the files that may, fails on a 100k load ("found CR outside a
    text cell" at a 4 MiB buffer's end); a relationship's ends are not checked strictly
    (`CsvGraph` writes none to a missing node). Measured by bench/bulk_import.py
    (docs/benchmarks.md)."""
    return (f"--multiline-fields={'true' if multiline else 'false'}", "--strict=false")


@dataclass
class BulkReport:
    read: int = 0
    written: int = 0
    rejected: int = 0
    multiline: bool = False  # a string of the input may hold a line break
    rejects_paths: list[Path] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.phases.values())

    def summary(self, format_name: str) -> str:
        rate = self.written / self.seconds if self.seconds else 0.0
        phases = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in self.phases.items())
        line = (f"ingest {format_name} --bulk: read {self.read}, written {self.written}, "
                f"rejected {self.rejected} in {self.seconds:.1f}s ({rate:.0f} works/s; {phases})")
        if self.rejected:
            line += "; rejects in " + ", ".join(str(p) for p in self.rejects_paths)
        return line


def bulk_load(
    settings: Settings, server: LocalServer, fmt: Format, paths: list[Path],
    rejects_for: Callable[[Path], Path], batch_size: int, work_dir: Path,
) -> BulkReport:
    """Load `paths` into the empty database of `server` (running; left running)."""
    if fmt.name not in BULK_FORMATS:
        raise BadInput(f"--bulk loads {', '.join(BULK_FORMATS)} only; load {fmt.name} records "
                       "without --bulk")
    with Graph.connect(settings) as graph:
        if graph.read("ingest/any_node")[0]["nodes"]:
            raise BadInput("kg ingest --bulk loads into an empty database only, and "
                           f"{settings.neo4j_uri} holds data: ingest without --bulk to add to it")
    if not server.status().running:
        raise BadConfiguration("--bulk needs the local Neo4j server running (`kg db start "
                               "--local`): the offline importer writes its store files")
    report = BulkReport()
    shutil.rmtree(work_dir, ignore_errors=True)
    started = time.perf_counter()
    csv = CsvGraph(work_dir)
    seen: set[str] = set()
    for path in paths:
        rejects = RejectsFile(rejects_for(path), path)
        try:
            for batch in iter_batches(_parsed(path, fmt, rejects, report, seen), batch_size):
                csv.add_batch(batch)
                report.written += len(batch)
        finally:
            rejects.close()
        if rejects.count:
            report.rejects_paths.append(rejects.path)
    files = csv.finish()
    report.phases["csv"] = time.perf_counter() - started

    started = time.perf_counter()
    server.stop()
    try:
        server.import_full(
            settings.neo4j_database,
            nodes={label: files[label] for label in NODE_FILES},
            relationships={kind: paths for kind, paths in files.items() if kind not in NODE_FILES},
            report=work_dir / "import.report", options=import_options(report.multiline),
        )
    finally:
        server.start()
        wait_until_ready(settings)
    report.phases["import"] = time.perf_counter() - started
    shutil.rmtree(work_dir, ignore_errors=True)

    started = time.perf_counter()
    with Graph.connect(settings) as graph:
        schema.apply(graph)
        report.phases["schema"] = time.perf_counter() - started
        started = time.perf_counter()
        statistics.refresh(graph, changed=statistics.LARGE_CHANGE)
    report.phases["statistics"] = time.perf_counter() - started
    return report


def _parsed(path: Path, fmt: Format, rejects: RejectsFile, report: BulkReport, seen: set[str]):
    """The records of one file that parse and whose id is new; the rest go to the rejects (a
    repeated work with its line number and id, not its text: workers keep the text of rejected
    lines only)."""
    for item in parse_file(path, partial(parse_and_render, fmt.parse), default_workers()):
        report.read += 1
        if isinstance(item, Rejected):
            report.rejected += 1
            rejects.add(item.number, item.reason, item.raw)
            continue
        rendered = item.record  # a RenderedPaper's fields, its id first
        report.multiline = report.multiline or item.newline
        if rendered[0] in seen:
            report.rejected += 1
            rejects.add(item.number, f"work {rendered[0]} came earlier in the input; a bulk load "
                        "takes each work once", "")
            continue
        seen.add(rendered[0])
        yield rendered
