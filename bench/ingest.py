"""The ingest benchmark, one command: `.venv/bin/python -m bench.ingest`.

On a Neo4j of its own (a local server on free ports with home `.kg/neo4j-bench`, wiped first;
or the empty database `NEO4J_URI` names), with the schema applied, each stage starts from an
empty database:

  (a)  the idb03 OpenAlex works through the real pipeline (`kg.ingest.pipeline.ingest_file`):
       the baseline; (a') the same on the first `--subset` works, for a like-for-like row;
  (b)  the naive neomodel per-object path (bench/naive.py) on the first `--subset` works;
  (c)  the floor: raw `UNWIND ... CREATE` of the same nodes and edges (bench/floor.py);
  (d)  the 68k papercopilot papers converted (testkit/converters/papercopilot_to_jsonl.py)
       and loaded with `kg ingest jsonl` in a subprocess, when that format is registered.

Speeds are compared with (a) measured in the same run: the machine is shared and noisy, so
absolute figures vary between runs and ratios less so. Results go to stdout only; the figures
quoted in docs/benchmarks.md come from running this.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import floor, naive
from bench.database import WORK_DIR, empty_graph
from kg.config import Settings
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.lines import Line, read_records
from kg.ingest.openalex import parse_work
from kg.ingest.pipeline import ingest_file
from kg.ingest.records import PaperRecord
from testkit import datasets
from testkit.census import census
from testkit.converters import papercopilot_to_jsonl
from testkit.database import delete_everything as empty
from testkit.datasets import IDB03_WORKS

CENSUS_KEYS = ("papers", "researchers", "institutions", "sources", "authored", "has_topic",
               "cites", "published_in", "part_of", "subtopic_of", "coauthor_pairs")


@dataclass(frozen=True)
class Result:
    stage: str
    works: int
    seconds: float
    note: str = ""

    @property
    def rate(self) -> float:
        return self.works / self.seconds if self.seconds else 0.0


def parsed(path: Path, limit: int | None = None) -> list[PaperRecord]:
    papers = []
    for line in read_records(path):
        if isinstance(line, Line) and line.record:
            papers.append(parse_work(line.record))
            if limit is not None and len(papers) >= limit:
                break
    return papers


def first_lines(path: Path, count: int) -> Path:
    subset = WORK_DIR / f"{path.name.split('.')[0]}-first{count}.jsonl"
    subset.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "rt", encoding="utf-8") as source:
        lines = [line for line, _ in zip(source, range(count), strict=False)]
    subset.write_text("".join(lines), encoding="utf-8")
    return subset


def timed(graph: Graph, stage: str, works: int, run: Callable[[], object]) -> Result:
    empty(graph)
    started = time.perf_counter()
    run()
    return Result(stage, works, time.perf_counter() - started)


def pipeline(graph: Graph, settings: Settings, path: Path) -> Result:
    empty(graph)
    report = ingest_file(graph, path, FORMATS["openalex"], settings.batch_size,
                         WORK_DIR / f"{path.name}.rejects.jsonl")
    note = f"batch {settings.batch_size}, {report.rejected} rejected, incl. derived edges"
    return Result("", report.written, report.seconds, note)


def papercopilot(graph: Graph, settings: Settings) -> list[Result]:
    if "jsonl" not in FORMATS:
        print("(d) skipped: the `jsonl` format is not registered in kg/ingest/formats.py yet")
        return []
    converted = WORK_DIR / "papercopilot.jsonl.gz"
    started = time.perf_counter()
    tally = papercopilot_to_jsonl.write(datasets.papercopilot(), converted)
    convert = Result("(d) papercopilot -> own JSONL", tally.written,
                     time.perf_counter() - started, f"{tally.read} read, converter only")
    empty(graph)
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
           "NEO4J_PASSWORD": settings.neo4j_password, "NEO4J_DATABASE": settings.neo4j_database,
           "KG_STATE_DIR": str(settings.state_dir)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "jsonl", str(converted)],
                          env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    print(done.stdout.strip() or done.stderr.strip())
    if done.returncode not in (0, 2):
        print(f"(d) failed: kg ingest jsonl exited {done.returncode}: {done.stderr.strip()}")
        return [convert]
    papers = census(graph)["papers"]
    note = "exit 2: some rejected" if done.returncode == 2 else "kg ingest jsonl, subprocess"
    return [convert, Result("(d) papercopilot kg ingest jsonl", papers, seconds, note)]


def table(results: list[Result], baseline: Result) -> str:
    lines = [f"{'stage':<40} {'works':>7} {'seconds':>8} {'works/s':>8} {'vs (a)':>8}  note"]
    for result in results:
        ratio = result.rate / baseline.rate if baseline.rate else 0.0
        lines.append(f"{result.stage:<40} {result.works:>7} {result.seconds:>8.1f} "
                     f"{result.rate:>8.1f} {ratio:>7.3f}x  {result.note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subset", type=int, default=200,
                        help="works for the naive path and its like-for-like pipeline row")
    parser.add_argument("--skip-papercopilot", action="store_true")
    args = parser.parse_args(argv)
    with empty_graph() as graph:
        if graph is None:
            return 1
        results = run(graph, graph.settings, args)
    return 0 if results else 1


def run(graph: Graph, settings: Settings, args: argparse.Namespace) -> list[Result]:
    subset_file = first_lines(IDB03_WORKS, args.subset)
    pipeline(graph, settings, subset_file)  # warm-up: the server's caches and query plans
    baseline = dataclasses.replace(pipeline(graph, settings, IDB03_WORKS),
                                   stage="(a) pipeline, idb03")
    pipeline_census = census(graph)
    print(f"(a) {baseline.works} works in {baseline.seconds:.1f}s: {baseline.rate:.1f} works/s")
    subset = dataclasses.replace(pipeline(graph, settings, subset_file),
                                 stage=f"(a') pipeline, first {args.subset}")
    subset_papers = parsed(IDB03_WORKS, args.subset)
    naive_result = timed(graph, f"(b) naive neomodel, first {args.subset}", len(subset_papers),
                         lambda: naive.write(graph, parsed(IDB03_WORKS, args.subset)))
    naive_result = dataclasses.replace(naive_result, note="per-object save/connect, no derived")
    print(f"(b) {naive_result.works} works in {naive_result.seconds:.1f}s")
    floor_result = timed(graph, "(c) floor UNWIND CREATE, idb03", baseline.works,
                         lambda: floor.write(graph, floor.rows(parsed(IDB03_WORKS))))
    floor_result = dataclasses.replace(floor_result, note="parse + CREATE, no derived")
    floor_census = census(graph)
    different = {k: (pipeline_census.get(k), floor_census.get(k)) for k in CENSUS_KEYS
                 if k != "coauthor_pairs" and pipeline_census.get(k) != floor_census.get(k)}
    print(f"(c) {floor_result.seconds:.1f}s; same facts as (a): "
          f"{'yes' if not different else different}")
    results = [baseline, subset, naive_result, floor_result]
    if not args.skip_papercopilot:
        results += papercopilot(graph, settings)
    print()
    print(table(results, baseline))
    print()
    print(f"(a) is {baseline.rate / naive_result.rate:.1f}x the per-work speed of (b) naive; "
          f"(c) floor is {floor_result.rate / baseline.rate:.1f}x (a)")
    return results


if __name__ == "__main__":
    sys.exit(main())
