"""The phases of `kg ingest openalex --bulk` after the CSV stage, each measured twice on one
set of CSV files: `.venv/bin/python -m bench.bulk_phases [--works 100000] [--heap 2g]
[--pagecache 2g]`.

The generated works of bench/scale.py (its cached file) go through the CSV stage once; then, on
a scratch server (`.kg/neo4j-bulk-phases`, wiped first and at the end), twice: the offline import
(server stop, `neo4j-admin database import full`, server start) and the schema, the first time
each index created by a statement of its own (`kg schema apply` before 2026-11-26 evening), the
second time by `schema.apply` (the plain indexes in one transaction). The import runs twice so
the second schema starts from the same store; its two timings show the importer's own spread.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from functools import partial
from pathlib import Path

from bench.database import WORK_DIR
from bench.scale import generated
from kg import config
from kg.db import schema
from kg.db.graph import Graph
from kg.ingest.bulk import import_options
from kg.ingest.bulk_csv import NODE_FILES, CsvGraph, iter_batches, parse_and_render
from kg.ingest.formats import FORMATS
from kg.ingest.parallel_parse import Rejected, default_workers, parse_file
from kg.server.control import wait_until_ready
from testkit import database


def apply_each(graph: Graph) -> None:
    """The schema one statement at a time (the plain indexes first, then the constraints)."""
    found = schema.statements()
    constraints = [s for s in found if s.upper().startswith("CREATE CONSTRAINT")]
    for statement in [s for s in found if s not in constraints] + constraints:
        graph.run_schema_statement(statement)
    graph.read("admin/await_indexes", seconds=schema.INDEX_WAIT_SECONDS)


def csv_files(works: Path, directory: Path, batch_size: int) -> dict[str, list[Path]]:
    """The CSV stage of the bulk load on `works` into `directory`, timed; the files by label
    and relationship type."""
    started = time.perf_counter()
    csv = CsvGraph(directory)
    parsed = (item.record for item in parse_file(
        works, partial(parse_and_render, FORMATS["openalex"].parse), default_workers())
        if not isinstance(item, Rejected))
    for batch in iter_batches(parsed, batch_size):
        csv.add_batch(batch)
    files = csv.finish()
    print(f"{works.name}: CSV {time.perf_counter() - started:.1f}s "
          f"(load {os.getloadavg()[0]:.1f})", flush=True)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000, help="as bench.scale (its cache)")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    args = parser.parse_args(argv)
    path, _ = generated(args.works, args.batch)
    base = config.from_env({**os.environ, "NEO4J_HEAP": args.heap,
                            "NEO4J_PAGECACHE": args.pagecache})
    directory = WORK_DIR / f"bulk-phases-{args.works}"
    shutil.rmtree(directory, ignore_errors=True)
    files = csv_files(path, directory, base.batch_size)
    settings = database.on_free_ports(base)
    try:
        with database.scratch_server(settings, base.state_dir / "neo4j-bulk-phases") as server:
            for name, apply in (("each statement", apply_each), ("schema.apply", schema.apply)):
                started = time.perf_counter()
                server.stop()
                server.import_full(
                    settings.neo4j_database,
                    nodes={label: files[label] for label in NODE_FILES},
                    relationships={k: v for k, v in files.items() if k not in NODE_FILES},
                    report=directory / "import.report", options=import_options(multiline=True))
                server.start()
                wait_until_ready(settings)
                imported = time.perf_counter() - started
                started = time.perf_counter()
                with Graph.connect(settings) as graph:
                    apply(graph)
                print(f"import {imported:.1f}s, schema by {name} "
                      f"{time.perf_counter() - started:.1f}s (load {os.getloadavg()[0]:.1f})",
                      flush=True)
            server.stop()
            server.wipe()
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
