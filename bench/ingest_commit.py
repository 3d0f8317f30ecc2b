"""What an ingest batch's commit pays for, one command:
`.venv/bin/python -m bench.ingest_commit [--compare fulltext|tops|batch-size] [--works 20000]
[--rounds 2] [--heap 1g] [--pagecache 1g]`.

On a Neo4j of its own (`.kg/neo4j-bench-commit-<compare>`, wiped first), `--works` generated works
(bench/scale.py's files, seed fixed) are loaded by `--bulk`; then slices of new works of the same
generation go through the transactional path, each under one configuration, the configurations
taking turns `--rounds` times so that each sees the graph at about the same size and the machine
at about the same load.
`--compare`:

  * fulltext (slices of 1,000, the default batch size): the full-text indexes synchronous (as
    they were: Lucene updated inside the commit), eventually consistent
    (`fulltext.eventually_consistent: true`, schema/indexes.cypher: the updates queued at commit
    and applied by a background thread), or dropped (what the commit costs without them);
  * tops (slices of 1,000): the stored top co-authors moved as they are (derive/move_coauthors
    returns each moved pair's shared works, derive/move_top_coauthors merges them) or as before
    (`TOPS_BEFORE`: every changed pair looked up again from both ends);
  * batch-size: slices of 4,000 works written in transactions of 1,000, 2,000 or 4,000;
  * margins (slices of 1,000): a re-decided paper whose novelty flag holds keeps its stored
    margin and class when `novelty.keeps` allows (as it does), or writes the fresh ones (as
    before: every re-decision moves its entry of the index paper_novelty_class_margin); each
    slice also prints the papers its batches re-decided and how many kept their margin.

Each slice prints its time in named queries, in the rest of its write transactions, and in BEGIN
+ commit, per 1,000 works; then the median of each configuration. Answers are not compared here:
tests/integration/ (test_search.py, test_schema.py, test_top_coauthors.py, test_incremental*.py)
prove them.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, LiteralString, cast

from bench.batch_timing import timed_batches
from bench.database import WORK_DIR
from bench.scale import bulk_load, generated
from kg import config
from kg.coauthorship import TOP_COAUTHORS
from kg.db import schema
from kg.db.graph import Graph, Transaction
from kg.db.queries import parse_query
from kg.ingest import derive, novelty
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit import database

FULLTEXT = ("synchronous", "eventually consistent", "none")
TOPS = ("tops from the moved pairs", "tops looked up again")
MARGINS = ("margins kept while they bound", "margins written fresh")
BATCH_SIZES = {"transactions of 1,000": 1000, "transactions of 2,000": 2000,
               "transactions of 4,000": 4000}

TOPS_BEFORE = """// bench/move_top_coauthors_before: derive/move_top_coauthors before it took the
// pairs' works from derive/move_coauthors: each changed pair looked up again from both ends.
// Returns: researchers
/*
:params {researchers: [{id: "A1", changed: ["A2"]}], keep: 100}
*/
UNWIND $researchers AS row
MATCH (r:Researcher {id: row.id})
WITH r, row, coalesce(r.top_coauthors, []) AS ids, coalesce(r.top_coauthor_works, []) AS works
WITH r, row, [i IN range(0, size(ids) - 1) | {id: ids[i], works: works[i]}] AS old
CALL (r, row) {
  UNWIND row.changed AS other_id
  MATCH (o:Researcher {id: other_id})
  OPTIONAL MATCH (r)-[c:COAUTHOR]-(o)
  RETURN collect({id: other_id, works: coalesce(c.works, 0)}) AS changed
}
WITH r, row, old, changed,
     size(old) >= $keep
       AND any(o IN old WHERE any(x IN changed WHERE x.id = o.id AND x.works < o.works)) AS fell
CALL (r, row, old, changed, fell) {
  CALL (r, row, old, changed, fell) {
    WITH r WHERE fell
    MATCH (r)-[c:COAUTHOR]-(o)
    RETURN o.id AS id, c.works AS works
    UNION ALL
    WITH row, old, changed WHERE NOT fell
    UNWIND [o IN old WHERE NOT o.id IN row.changed] + [x IN changed WHERE x.works > 0] AS x
    RETURN x.id AS id, x.works AS works
  }
  WITH id, works
  ORDER BY works DESC, id
  LIMIT $keep
  RETURN collect(id) AS ids, collect(works) AS works
}
SET r.top_coauthors = CASE WHEN size(ids) > 0 THEN ids END,
    r.top_coauthor_works = CASE WHEN size(ids) > 0 THEN works END
RETURN count(r) AS researchers
"""


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


@contextmanager
def tops_looked_up_again(graph: Graph) -> Iterator[None]:
    """derive/move_top_coauthors as it was before (TOPS_BEFORE), for the batches inside."""
    name = "bench/move_top_coauthors_before"
    graph.queries._queries[name] = parse_query(name, TOPS_BEFORE)
    moved = derive._move_tops

    def move_tops(tx: Transaction, shared: list[list[Any]]) -> None:
        changed: dict[str, set[str]] = defaultdict(set)
        for a, b, _ in shared:
            changed[a].add(b)
            changed[b].add(a)
        if changed:
            tx.run(name, keep=TOP_COAUTHORS, researchers=[
                {"id": r, "changed": sorted(others)} for r, others in sorted(changed.items())])

    derive._move_tops = move_tops
    try:
        yield
    finally:
        derive._move_tops = moved


@contextmanager
def margins_written_fresh() -> Iterator[None]:
    """novelty.decide as it was before `keeps`: every re-decided paper writes its fresh margin
    and class, for the batches inside."""
    decide = novelty.decide

    def fresh(tx: Transaction, paper_ids: list[str], **_: Any) -> novelty.Decided:
        return decide(tx, paper_ids)

    novelty.decide = fresh
    try:
        yield
    finally:
        novelty.decide = decide


@contextmanager
def novelty_counted(decisions: list[novelty.Decision]) -> Iterator[None]:
    """Each batch's novelty decision appended to `decisions`."""
    after_batch = novelty.after_batch

    def counted(tx: Transaction, before: Any, after: Any) -> novelty.Decision:
        decision = after_batch(tx, before, after)
        decisions.append(decision)
        return decision

    novelty.after_batch = counted
    try:
        yield
    finally:
        novelty.after_batch = after_batch


def slices(path: Path, size: int, count: int) -> list[Path]:
    """The first `count` runs of `size` works of a generated file, each a file of its own."""
    parts = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number in range(count):
            part = WORK_DIR / f"commit-slice-{size}-{number}.jsonl.gz"
            with gzip.open(part, "wt", encoding="utf-8") as out:
                out.writelines(itertools.islice(lines, size))
            parts.append(part)
    return parts


SLICES = {"fulltext": (1000, len(FULLTEXT)), "tops": (1000, len(TOPS)),
          "margins": (1000, len(MARGINS)),
          "batch-size": (max(BATCH_SIZES.values()), len(BATCH_SIZES))}  # works, configurations


def configurations(graph: Graph, compare: str) -> dict[str, tuple[int, Callable[[], Any]]]:
    """For each configuration: its batch size and a context that applies it."""
    if compare == "fulltext":
        return {kind: (1000, lambda kind=kind: _applied(configure, graph, kind))
                for kind in FULLTEXT}
    if compare == "tops":
        return {TOPS[0]: (1000, _nothing), TOPS[1]: (1000, lambda: tops_looked_up_again(graph))}
    if compare == "margins":
        return {MARGINS[0]: (1000, _nothing), MARGINS[1]: (1000, margins_written_fresh)}
    return {kind: (size, _nothing) for kind, size in BATCH_SIZES.items()}


def _decided(decisions: list[novelty.Decision]) -> str:
    """Papers re-decided, margins kept and margins moved, per batch."""
    return "; ".join("re-basing" if d.band is None else
                     f"{d.own} own + {d.holders} holders + {d.band} band: {d.decided.kept}"
                     f" kept, {d.decided.moved} moved"
                     for d in decisions) or "nothing re-decided"


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@contextmanager
def _applied(apply: Callable[[Graph, str], None], graph: Graph, kind: str) -> Iterator[None]:
    apply(graph, kind)
    yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", choices=("fulltext", "tops", "batch-size", "margins"),
                        default="fulltext")
    parser.add_argument("--works", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pagecache", default="1g")
    args = parser.parse_args(argv)
    base = config.from_env({"NEO4J_HEAP": args.heap, "NEO4J_PAGECACHE": args.pagecache})
    settings = database.on_free_ports(base)
    print(f"Neo4j at {settings.neo4j_uri}: heap {settings.neo4j_heap}, page cache "
          f"{settings.neo4j_pagecache}; --compare {args.compare}", flush=True)
    per_thousand: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    size, count = SLICES[args.compare]
    base_path, batch_path = generated(args.works, size * count * args.rounds)
    parts = slices(batch_path, size, count * args.rounds)
    home = base.state_dir / f"neo4j-bench-commit-{args.compare}"
    with database.scratch_server(settings, home) as server:
        bulk_load(settings, server, base_path)
        with database.connect(settings) as graph:
            configs = configurations(graph, args.compare)
            for part, kind in zip(parts, itertools.cycle(configs), strict=False):
                batch_size, applied = configs[kind]
                decisions: list[novelty.Decision] = []
                with applied(), novelty_counted(decisions), timed_batches() as (spent, phases):
                    started = time.perf_counter()
                    ingest_file(graph, part, FORMATS["openalex"], batch_size,
                                WORK_DIR / "commit.rejects.jsonl")
                    seconds = time.perf_counter() - started
                commit = phases["write transaction"] - phases["in transaction"]
                queries = sum(spent.values())
                thousands = size / 1000
                per_thousand[kind].append((seconds / thousands, queries / thousands,
                                           commit / thousands))
                slowest = ", ".join(f"{name} {took:.1f}s" for name, took in spent.most_common(5))
                print(f"{kind}: {size} works in {seconds:.1f}s ({size / seconds:.1f} works/s); "
                      f"named queries {queries:.1f}s, Python in the transactions "
                      f"{phases['in transaction'] - phases['queries in transaction']:.1f}s, "
                      f"BEGIN + commit {commit:.1f}s; slowest: {slowest}; novelty: "
                      f"{_decided(decisions)}; load {os.getloadavg()[0]:.1f}", flush=True)
    for kind, figures in per_thousand.items():
        whole, queries, commit = (statistics.median(f[i] for f in figures) for i in range(3))
        print(f"median per 1,000 works, {kind}: whole {whole:.1f}s, named queries "
              f"{queries:.1f}s, BEGIN + commit {commit:.1f}s "
              f"(commits: {', '.join(f'{f[2]:.1f}' for f in figures)})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
