"""What an ingest batch's commit pays for, one command:
`.venv/bin/python -m bench.ingest_commit [--works 20000] [--rounds 2] [--heap 1g] [--pagecache 1g]`.

On a Neo4j of its own (`.kg/neo4j-bench-commit`, wiped first), `--works` generated works
(bench/scale.py's files, seed fixed) are loaded by `--bulk`; then batches of new works of the same
generation (1,000 each, the default batch size) go through the transactional path, each under one
configuration of the full-text indexes, the configurations taking turns `--rounds` times so that
each sees the graph at about the same size and the machine at about the same load:

  * synchronous: the full-text indexes as they were (Lucene updated inside the commit);
  * eventually consistent: `fulltext.eventually_consistent: true` (schema/indexes.cypher), the
    updates queued at commit and applied by a background thread;
  * none: the full-text indexes dropped (what the commit costs without them at all).

Each batch prints its time in named queries, in the rest of its write transaction, and in BEGIN +
commit; then the median commit of each configuration. The search answers are not compared here:
tests/integration/test_search.py and test_schema.py prove them.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import re
import statistics
import time
from pathlib import Path
from typing import LiteralString, cast

from bench.database import WORK_DIR
from bench.incremental import timed_batches
from bench.scale import bulk_load, generated
from kg import config
from kg.db import schema
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit import database

CONFIGS = ("synchronous", "eventually consistent", "none")


def fulltext_statements(kind: str) -> list[LiteralString]:
    """The CREATE statements of the full-text indexes for one configuration."""
    found = [s for s in schema.statements() if s.upper().startswith("CREATE FULLTEXT")]
    if kind == "none":
        return []
    if kind == "synchronous":
        return [cast(LiteralString, re.sub(r"\s+OPTIONS\s+\{.*\}\s*$", "", s, flags=re.S))
                for s in found]
    return found


def configure(graph: Graph, kind: str) -> None:
    for row in graph.show("SHOW FULLTEXT INDEXES YIELD name"):
        graph.run_schema_statement(cast(LiteralString, f"DROP INDEX {row['name']}"))
    for statement in fulltext_statements(kind):
        graph.run_schema_statement(statement)
    graph.read("admin/await_indexes", seconds=schema.INDEX_WAIT_SECONDS)


def slices(path: Path, size: int, count: int) -> list[Path]:
    """The first `count` runs of `size` works of a generated file, each a file of its own."""
    parts = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number in range(count):
            part = WORK_DIR / f"commit-slice-{number}.jsonl.gz"
            with gzip.open(part, "wt", encoding="utf-8") as out:
                out.writelines(itertools.islice(lines, size))
            parts.append(part)
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pagecache", default="1g")
    args = parser.parse_args(argv)
    base = config.from_env({"NEO4J_HEAP": args.heap, "NEO4J_PAGECACHE": args.pagecache})
    settings = database.on_free_ports(base)
    size = settings.batch_size
    base_path, batch_path = generated(args.works, size * len(CONFIGS) * args.rounds)
    parts = slices(batch_path, size, len(CONFIGS) * args.rounds)
    print(f"Neo4j at {settings.neo4j_uri}: heap {settings.neo4j_heap}, page cache "
          f"{settings.neo4j_pagecache}; batches of {size}", flush=True)
    commits: dict[str, list[float]] = {kind: [] for kind in CONFIGS}
    with database.scratch_server(settings, base.state_dir / "neo4j-bench-commit") as server:
        bulk_load(settings, server, base_path)
        with database.connect(settings) as graph:
            for part, kind in zip(parts, itertools.cycle(CONFIGS), strict=False):
                configure(graph, kind)
                with timed_batches() as (spent, phases):
                    started = time.perf_counter()
                    ingest_file(graph, part, FORMATS["openalex"], size,
                                WORK_DIR / "commit.rejects.jsonl")
                    seconds = time.perf_counter() - started
                commit = phases["write transaction"] - phases["in transaction"]
                commits[kind].append(commit)
                print(f"{kind}: {seconds:.1f}s; named queries {sum(spent.values()):.1f}s, "
                      f"Python in the transaction "
                      f"{phases['in transaction'] - phases['queries in transaction']:.1f}s, "
                      f"BEGIN + commit {commit:.1f}s", flush=True)
    for kind, took in commits.items():
        print(f"median BEGIN + commit, {kind}: {statistics.median(took):.1f}s "
              f"({', '.join(f'{t:.1f}' for t in took)})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
