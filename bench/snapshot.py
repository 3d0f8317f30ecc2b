"""The test-load benchmark, one command: `.venv/bin/python -m bench.snapshot [--copies 10]
[--replicated-ingest]`.

What the tests' idb03 loads cost (tests/conftest.py `load_idb03`, testkit/snapshot.py), on a
Neo4j of its own (`.kg/neo4j-bench-snapshot`, or the empty database `NEO4J_URI` names), each
stage from an empty database:

  (a)  ingest of the idb03 works through the real pipeline: the baseline, what every idb03 load
       of the tests cost before;
  (b)  the snapshot of (a) restored once: what later loads cost now;
  (c)  the snapshot restored `--copies` times over, ids of their own per copy: the large set of
       tests/integration/test_plan_churn.py;
  (d)  with `--replicated-ingest`: what (c) replaced, the idb03 works replicated `--copies`
       times with rewritten ids and ingested through the pipeline.

Times are compared with (a) measured in the same run (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

from bench.database import empty_graph
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit import snapshot
from testkit.database import delete_everything
from testkit.datasets import IDB03_WORKS

_OPENALEX_ID = re.compile(r'"https://openalex\.org/([A-Za-z]+/?\d+)"')


def _replicated(path: Path, copies: int) -> Path:
    lines = gzip.open(IDB03_WORKS, "rt", encoding="utf-8").read().splitlines()
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for copy in range(copies):
            for line in lines:
                out.write(_OPENALEX_ID.sub(rf'"https://openalex.org/\g<1>9{copy}"', line) + "\n")
    return path


def _ingest(graph: Graph, path: Path, scratch: Path) -> float:
    started = time.perf_counter()
    ingest_file(graph, path, FORMATS["openalex"], 1000, scratch / "rejects.jsonl")
    return time.perf_counter() - started


def run(graph: Graph, copies: int, replicated_ingest: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        ingest = _ingest(graph, IDB03_WORKS, scratch)
        taken = snapshot.take(graph)
        print(f"(a) ingest of idb03: {ingest:.1f}s ({len(taken.nodes)} nodes, "
              f"{len(taken.relationships)} relationships)", flush=True)
        rows = [("(a) ingest, idb03", ingest)]
        for stage, times in (("(b) snapshot restored, idb03", 1),
                             (f"(c) snapshot restored {copies}x", copies)):
            delete_everything(graph)
            started = time.perf_counter()
            snapshot.restore(graph, taken, copies=times)
            rows.append((stage, time.perf_counter() - started))
            print(f"{stage}: {rows[-1][1]:.1f}s", flush=True)
        if replicated_ingest:
            delete_everything(graph)
            big = _replicated(scratch / "replicated.jsonl.gz", copies)
            rows.append((f"(d) ingest, idb03 replicated {copies}x", _ingest(graph, big, scratch)))
            print(f"{rows[-1][0]}: {rows[-1][1]:.1f}s", flush=True)
    print()
    print("| stage | seconds | vs (a) |")
    print("|---|---:|---:|")
    for stage, seconds in rows:
        print(f"| {stage} | {seconds:.1f} | {seconds / ingest:.2f}x |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--replicated-ingest", action="store_true")
    args = parser.parse_args(argv)
    with empty_graph("neo4j-bench-snapshot") as graph:
        if graph is None:
            return 1
        run(graph, args.copies, args.replicated_ingest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
