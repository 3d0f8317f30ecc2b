"""The offline importer's options and the schema's transactions, A/B on one set of CSV files:
`.venv/bin/python -m bench.bulk_import [--works 100000] [--rounds 2] [--heap 2g]
[--pagecache 2g]`.

The generated works of bench/scale.py (its cached file) go through the CSV stage once; then,
round after round, `neo4j-admin database import full` runs on the same files once per variant of
its options (in turn, so the machine's load falls on every variant alike), into the store of a
scratch server that is not running (`.kg/neo4j-bulk-import`, wiped at the end). Each variant's
summary (nodes, relationships, properties) must equal the first's. After the last round the
server starts on the last import and the schema is applied twice, dropped in between: by
`schema.apply` (plain indexes in one transaction, then each constraint on its own), and with
every statement in one transaction. The importer's `--threads` is left at its default, the
number of processors. `--keep-csv` keeps the CSV files (and uses those of an
earlier run kept so); a variant the importer refuses is reported and left out.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import time
from pathlib import Path

from bench.bulk_phases import csv_files
from bench.database import WORK_DIR
from bench.scale import generated
from kg import config
from kg.db import schema
from kg.db.graph import Graph
from kg.errors import LocalServerError
from kg.ingest.bulk import import_options
from kg.ingest.bulk_csv import NODE_FILES, RELATIONSHIP_FILES
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer
from testkit import database


def variants(files: dict[str, list[Path]]) -> dict[str, tuple[str, ...]]:
    now = import_options(multiline=True)
    multiline = [path for name in (*NODE_FILES, "AUTHORED") for path in files[name]]
    return {
        # first: it fails at 100k (5.26.30), and the imports after it overwrite its store
        "v2: node files + AUTHORED multiline, not strict": (
            "--multiline-fields-format=v2",
            f"--multiline-fields={','.join(map(str, multiline))}", "--strict=false"),
        "before (multiline, strict)": ("--multiline-fields=true", "--strict=true"),
        "bulk.import_options (multiline, not strict)": now,
        "+ --high-parallel-io=on": (*now, "--high-parallel-io=on"),
        # for reference: what reading every file as multiline costs (the generated works hold
        # no newline)
        "no multiline file, not strict": ("--multiline-fields=false", "--strict=false"),
    }


def counts(summary: str) -> str:
    """'N nodes, N relationships, N properties' of the importer's summary."""
    return ", ".join(re.findall(r"\d+ (?:nodes|relationships|properties)", summary))


def apply_in_one(graph: Graph) -> None:
    """Every statement of `schema/` in one transaction."""
    graph.run_schema_statements(list(schema.statements()))
    graph.read("admin/await_indexes", seconds=schema.INDEX_WAIT_SECONDS)


def drop_all(graph: Graph) -> None:
    for row in graph.show("SHOW CONSTRAINTS YIELD name"):
        graph.run_schema_statement(f"DROP CONSTRAINT {row['name']}")  # type: ignore[arg-type]
    for row in graph.show("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'"):
        graph.run_schema_statement(f"DROP INDEX {row['name']}")  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000, help="as bench.scale (its cache)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--keep-csv", action="store_true")
    args = parser.parse_args(argv)
    path, _ = generated(args.works, args.batch)
    base = config.from_env({**os.environ, "NEO4J_HEAP": args.heap,
                            "NEO4J_PAGECACHE": args.pagecache})
    directory = WORK_DIR / f"bulk-import-{args.works}"
    files = {name: [directory / f"{name}.csv"] for name in (*NODE_FILES, *RELATIONSHIP_FILES)}
    if not (args.keep_csv and all(p.is_file() for paths in files.values() for p in paths)):
        shutil.rmtree(directory, ignore_errors=True)
        files = csv_files(path, directory, base.batch_size)
    settings = database.on_free_ports(base)
    server = LocalServer(settings, home=base.state_dir / "neo4j-bulk-import")
    server.stop()
    server.wipe()
    nodes = {label: files[label] for label in NODE_FILES}
    relationships = {k: v for k, v in files.items() if k not in NODE_FILES}
    times: dict[str, list[float]] = {}
    first = ""
    try:
        for round_number in range(args.rounds):
            for name, options in variants(files).items():
                started = time.perf_counter()
                try:
                    summary = server.import_full(settings.neo4j_database, nodes, relationships,
                                                 report=directory / "import.report",
                                                 options=options)
                except LocalServerError as exc:
                    print(f"round {round_number + 1}, {name}: {exc}", flush=True)
                    continue
                seconds = time.perf_counter() - started
                times.setdefault(name, []).append(seconds)
                first = first or counts(summary)
                if counts(summary) != first:
                    raise SystemExit(f"{name}: {counts(summary)} differs from {first}")
                print(f"round {round_number + 1}, {name}: import {seconds:.1f}s "
                      f"(load {os.getloadavg()[0]:.1f}); {counts(summary)}", flush=True)
        baseline = sum(times["before (multiline, strict)"])
        for name, seconds in times.items():
            print(f"{name}: {' + '.join(f'{s:.1f}' for s in seconds)} s, "
                  f"{sum(seconds) / baseline:.2f}x", flush=True)
        server.start()
        wait_until_ready(settings)
        with Graph.connect(settings) as graph:
            for name, apply in (("schema.apply", schema.apply),
                                ("one transaction", apply_in_one)):
                drop_all(graph)
                started = time.perf_counter()
                apply(graph)
                print(f"schema by {name}: {time.perf_counter() - started:.1f}s "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)
    finally:
        server.stop()
        server.wipe()
        if not args.keep_csv:
            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
