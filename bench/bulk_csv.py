"""The CSV stage of `kg ingest openalex --bulk` alone, no Neo4j:
`.venv/bin/python -m bench.bulk_csv [--works 100000] [--head N] [--digests]`.

Parses the generated works of bench/scale.py (the same cached file, generated if missing) in
the worker processes of a bulk load and writes every CSV file with the derived edges and stored
figures into `.kg/bench/bulk-csv-<works>-<pid>/` (deleted afterwards); prints the wall time, the CPU
seconds of the parent and of the parsing workers (getrusage: a figure the machine's load does
not inflate much, unlike the wall time) and works/s. `--head N` reads only the first N works of
the file; `--digests` prints each CSV file's size and SHA-256, so two checkouts' runs on one input
(the before/after of docs/benchmarks.md) can be compared byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import time
from functools import partial

from bench.database import WORK_DIR
from bench.scale import generated, head
from kg.ingest.bulk_csv import CsvGraph, iter_batches, parse_and_render
from kg.ingest.formats import FORMATS
from kg.ingest.parallel_parse import Rejected, default_workers, parse_file


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000, help="as bench.scale (its cache)")
    parser.add_argument("--head", type=int, default=0, help="only the first N works")
    parser.add_argument("--digests", action="store_true", help="size and SHA-256 of each file")
    args = parser.parse_args(argv)
    path, _ = generated(args.works, args.batch)
    if args.head:
        path = head(path, args.head)
    directory = WORK_DIR / f"bulk-csv-{args.works}-{os.getpid()}"  # two runs never share it
    shutil.rmtree(directory, ignore_errors=True)
    started, parent, children = time.perf_counter(), cpu(resource.RUSAGE_SELF), \
        cpu(resource.RUSAGE_CHILDREN)
    csv = CsvGraph(directory)
    parsed = (item.record for item in parse_file(
        path, partial(parse_and_render, FORMATS["openalex"].parse), default_workers())
        if not isinstance(item, Rejected))
    read = 0
    for batch in iter_batches(parsed, 5_000):
        csv.add_batch(batch)
        read += len(batch)
    streamed, parent_reading = time.perf_counter() - started, cpu(resource.RUSAGE_SELF) - parent
    files = csv.finish()
    wall = time.perf_counter() - started
    size = sum(p.stat().st_size for paths in files.values() for p in paths)
    print(f"CSV stage, {read} works: {wall:.1f}s wall ({streamed:.1f}s reading, "
          f"{wall - streamed:.1f}s derived edges, figures and node files), "
          f"{read / wall:.0f} works/s; CPU parent {cpu(resource.RUSAGE_SELF) - parent:.1f}s "
          f"({parent_reading:.1f}s reading), "
          f"workers {cpu(resource.RUSAGE_CHILDREN) - children:.1f}s; CSV {size / 1e9:.2f} GB "
          f"(load {os.getloadavg()[0]:.1f})", flush=True)
    if args.digests:
        for name, paths in sorted(files.items()):
            for file in paths:
                print(f"  {name} {file.stat().st_size} "
                      f"{hashlib.sha256(file.read_bytes()).hexdigest()}", flush=True)
    shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
