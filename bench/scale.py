"""The scale benchmark, one command:
`.venv/bin/python -m bench.scale [--works 100000] [--batch 5000] [--heap 2g] [--pagecache 2g]
[--reuse [--api-only | --forget-trust] [--incremental N [--skip K]]] [--keep]`.

On a Neo4j of its own (`.kg/neo4j-bench-scale`, wiped first) with the heap and page cache given,
the large graph first and every figure printed as soon as it is measured (a long run that is cut
short still leaves the figures of its first steps):

  1. `--works` generated works (testkit/generator.py, seed fixed; cached in `.kg/bench/`) loaded
     by `kg ingest openalex --bulk`: time per phase, works/s, store size, the server's memory;
  2. incremental ingest of `--batch` further works of the same generation (they cite the loaded
     works and share their researchers) through the transactional path: works/s; then every
     derived edge of the graph compared with the same edges computed in Python from both files
     (bulk_csv, no Neo4j): count and digest must be equal;
  3. `kg trust compute` (kg.trust.compute), the walk export and iteration timed alone, then the
     compute with its phases and how many walk nodes it wrote, then again (writes nothing);
     `--reuse --forget-trust` removes the stored trust values first (a first compute again);
  4. p50 of profile, papers, topic, depth-2 neighbourhood of the biggest hub, search and trending
     executed in-process (GraphQL schema, loaders, services, Neo4j; no HTTP);
  5. the trust baseline on the same walk graph: the plain export (one row per edge, string ids,
     through the driver) + scipy power iteration; the Spearman correlation of the two rankings;
  6. the server wiped, idb03 by `--bulk`, trust computed and the same requests timed: the ratio
     of each p50 to idb03's. With `--keep` idb03 goes into a server home of its own
     (`<home>-idb03`, wiped) instead, and the large graph stays for the next `--reuse`.
     `--reuse --api-only` measures steps 4 and 6 only (the API; trust as the last run left it);
     `--reuse --incremental N` ingests the first N works of the batch into the kept graph
     first, timed, without step 2's comparison of every derived edge; `--skip K` takes works
     K..K+N of the batch instead (works a previous run ingested are skipped as unchanged, so
     timing new works on a kept graph needs a K past them).

Results go to stdout; docs/benchmarks.md and docs/scaling.md quote runs of this.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import itertools
import json
import random
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse

from api.graphql.context import Context
from api.graphql.schema import build_schema
from bench.batch_timing import timed_batches
from bench.database import WORK_DIR
from kg import config, trust
from kg.config import Settings
from kg.db.graph import Graph
from kg.ingest import bulk
from kg.ingest.bulk_csv import CsvGraph, iter_batches
from kg.ingest.formats import FORMATS
from kg.ingest.lines import read_records
from kg.ingest.pipeline import ingest_file
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer
from testkit import database, generator
from testkit.datasets import IDB03_WORKS
from testkit.ranking import spearman

SEED = 7
REQUESTS = 40
WARM_UP = 5
PROFILE = """query Profile($id: ID!) { researcher(id: $id) {
  name metrics { works citations hIndex i10Index topics closeCollaborators novelty }
  trust { score tier verificationLevel }
  topics(first: 5) { share topic { name } }
  coauthors(first: 10) { totalCount edges { sharedWorks node { name } } } } }"""
PAPERS = """query Papers($id: ID!) { researcher(id: $id) {
  papers(first: 20) { totalCount edges { node { title year citedByCount } } } } }"""
TOPIC = """query Topic($id: ID!) { topic(id: $id) { name papersCount ancestors { name }
  adjacentTopics(first: 10) { edges { node { name } } }
  topPapers(first: 10) { title } topResearchers(first: 10) { works researcher { name } } } }"""
NEIGHBOURHOOD = """query Hub($id: ID!) { neighbourhood(id: $id, depth: 2) {
  nodes { id type label weight } edges { source target type weight }
  truncated { type remaining remainingAtMost exact } } }"""
SEARCH = """query Search($q: String!) { search(query: $q, first: 10) { id type label score } }"""
TRENDING = """query Trending { trendingPapers(first: 20) { edges { node { title } } } }"""
EDGE_EXPORT = """
MATCH (a:Researcher|Institution)-[e:COAUTHOR|AFFILIATED_WITH]->(b)
RETURN a.id AS a, b.id AS b,
       CASE type(e) WHEN 'COAUTHOR' THEN toFloat(e.works) ELSE 0.25 END AS w"""
NODE_EXPORT = """
MATCH (v:Researcher|Institution)
RETURN v.id AS id, CASE WHEN v:Researcher THEN coalesce(v.verification_level, 0) ELSE -1 END
       AS level"""
DERIVED_EXPORT = """
MATCH (a)-[d:COAUTHOR|CO_OCCURS|AFFILIATED_WITH|PARTNER]->(b)
RETURN type(d) AS type, a.id AS source, b.id AS target, properties(d) AS properties"""
DERIVED_PROPERTIES = {"COAUTHOR": ("works", "first_year", "last_year", "weight"),
                      "AFFILIATED_WITH": ("works", "first_year", "last_year"),
                      "CO_OCCURS": ("papers",), "PARTNER": ("works",)}


def generated(works: int, batch: int) -> tuple[Path, Path]:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    base = WORK_DIR / f"scale-{works}-{batch}-base.jsonl.gz"
    more = WORK_DIR / f"scale-{works}-{batch}-batch.jsonl.gz"
    if not (base.is_file() and more.is_file()):
        started = time.perf_counter()
        partial = [path.with_name("partial-" + path.name) for path in (base, more)]
        generator.write_parts(works + batch, SEED, [(partial[0], 0, works),
                                                    (partial[1], works, works + batch)])
        for done, path in zip(partial, (base, more), strict=True):
            done.rename(path)
        print(f"generated {works} + {batch} works into {base.name} and {more.name} in "
              f"{time.perf_counter() - started:.0f}s", flush=True)
    return base, more


def head(path: Path, count: int, skip: int = 0) -> Path:
    """`count` works of a generated file after its first `skip`, as a file of their own."""
    name = f"-first{count}" if skip == 0 else f"-from{skip}-{count}"
    part = path.with_name(path.name.replace(".jsonl.gz", f"{name}.jsonl.gz"))
    compressed = path.read_bytes()[:2] == b"\x1f\x8b"
    with (gzip.open(path, "rt", encoding="utf-8") if compressed else path.open()) as lines, \
            gzip.open(part, "wt", encoding="utf-8") as out:
        out.writelines(itertools.islice(lines, skip, skip + count))
    return part


def bulk_load(settings: Settings, server: LocalServer, path: Path) -> bulk.BulkReport:
    report = bulk.bulk_load(settings, server, FORMATS["openalex"], [path],
                            lambda p: WORK_DIR / f"{p.name}.rejects.jsonl", settings.batch_size,
                            WORK_DIR / f"{server.home.name}-csv")
    print(report.summary("openalex"), flush=True)
    return report


def store_size(server: LocalServer) -> str:
    done = subprocess.run(["du", "-sh", str(server.home / "data" / "databases" / "neo4j")],
                          capture_output=True, text=True)
    return done.stdout.split()[0] if done.returncode == 0 else "?"


def digest(rows: Any) -> tuple[int, str]:
    """Count and an order-free digest of derived edges given as (type, source, target, props)."""
    hashes = sorted(hashlib.blake2b(json.dumps(row, sort_keys=True).encode(),
                                    digest_size=8).hexdigest() for row in rows)
    return len(hashes), hashlib.sha256("".join(hashes).encode()).hexdigest()


def graph_derived(graph: Graph) -> Any:
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        for record in session.run(DERIVED_EXPORT):
            props = record["properties"]
            yield (record["type"], record["source"], record["target"],
                   [props.get(name) for name in DERIVED_PROPERTIES[record["type"]]])


def python_derived(paths: list[Path], batch_size: int, directory: Path) -> Any:
    """The derived edges of these files computed by bulk_csv alone (no Neo4j)."""
    csv = CsvGraph(directory)
    seen: set[str] = set()
    for path in paths:
        records = (FORMATS["openalex"].parse(line.record) for line in read_records(path))
        fresh = (record for record in records if record.id not in seen and not seen.add(record.id))
        for chunk in iter_batches(fresh, batch_size):
            csv.add_batch(chunk)
    files = csv.finish()
    casts: dict[str, Callable[[str], Any]] = {"works": int, "papers": int, "first_year": int,
                                              "last_year": int, "weight": float}
    for kind, names in DERIVED_PROPERTIES.items():
        with files[kind][0].open(encoding="utf-8") as lines:
            columns = [name.split(":")[0] for name in next(lines).rstrip("\n").split(",")[2:]]
            for line in lines:
                source, target, *values = line.rstrip("\n").split(",")
                found = dict(zip(columns, values, strict=True))
                yield (kind, source.strip('"'), target.strip('"'),
                       [casts[n](found[n]) if found[n] else None for n in names])


def baseline_trust(graph: Graph) -> tuple[dict[str, float], float, float]:
    """The plain way: every walk node and edge as a row with string ids, scipy power iteration
    of the same walk; returns values by id, export seconds, iteration seconds."""
    started = time.perf_counter()
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        nodes = [(r["id"], r["level"]) for r in session.run(NODE_EXPORT)]
        edges = [(r["a"], r["b"], r["w"]) for r in session.run(EDGE_EXPORT)]
    exported = time.perf_counter() - started
    started = time.perf_counter()
    index = {node_id: i for i, (node_id, _) in enumerate(nodes)}
    rows = np.fromiter((index[a] for a, _, _ in edges), dtype=np.int64, count=len(edges))
    cols = np.fromiter((index[b] for _, b, _ in edges), dtype=np.int64, count=len(edges))
    weights = np.fromiter((w for _, _, w in edges), dtype=np.float64, count=len(edges))
    size = len(nodes)
    matrix = scipy.sparse.csr_matrix((np.r_[weights, weights], (np.r_[rows, cols],
                                                                np.r_[cols, rows])), (size, size))
    levels = np.array([level for _, level in nodes], dtype=np.float64)
    seeds = np.where(levels > 0, levels, 0.0)
    seeds = seeds / seeds.sum() if seeds.sum() else (levels >= 0) / (levels >= 0).sum()
    out = np.asarray(matrix.sum(axis=1)).ravel()
    inverse = np.divide(1.0, out, out=np.zeros(size), where=out > 0)
    values = seeds.copy()
    for _ in range(trust.MAX_ITERATIONS):
        following = 0.85 * (matrix @ (values * inverse) + values[out == 0].sum() * seeds) \
            + 0.15 * seeds
        change = np.abs(following - values).sum()
        values = following
        if change < trust.TOLERANCE:
            break
    iterated = time.perf_counter() - started
    return ({node_id: float(v) for (node_id, level), v in zip(nodes, values, strict=True)
             if level >= 0}, exported, iterated)


def requests(graph: Graph, count: int) -> list[tuple[str, str, dict[str, Any]]]:
    rng = random.Random(SEED)
    researchers = rng.sample(sorted(r["id"] for r in graph.read("derive/all_researcher_ids")),
                             count)
    topics = rng.choices(sorted(r["id"] for r in graph.read("derive/all_topic_ids")
                                if r["id"].startswith("T")), k=count)
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        hub = session.run("MATCH (r:Researcher) RETURN r.id AS id "
                          "ORDER BY COUNT { (r)-[:COAUTHOR]-() } DESC, r.id LIMIT 1").single()["id"]
        titles = [r["t"] for r in session.run(
            "MATCH (p:Paper) WHERE p.title IS NOT NULL RETURN p.title AS t LIMIT 2000")]
    words = [rng.choice([w for w in rng.choice(titles).split() if len(w) >= 4] or ["data"])
             for _ in range(count)]
    found: list[tuple[str, str, dict[str, Any]]] = []
    for i in range(count):
        found += [("profile", PROFILE, {"id": researchers[i]}),
                  ("papers", PAPERS, {"id": researchers[i]}),
                  ("topic", TOPIC, {"id": topics[i]}),
                  ("hub depth-2", NEIGHBOURHOOD, {"id": hub}),
                  ("search", SEARCH, {"q": words[i]}),
                  ("trending", TRENDING, {})]
    return found


def api_p50(graph: Graph, count: int = REQUESTS) -> dict[str, float]:
    schema = build_schema(graph.settings)
    pending = requests(graph, count + WARM_UP)

    def run(query: str, variables: dict[str, Any]) -> None:
        context = Context.of(graph, graph.settings, None)
        result = asyncio.run(schema.execute(query, variable_values=variables,
                                            context_value=context))
        if result.errors:
            raise RuntimeError(f"{query.split()[1]}: {result.errors}")

    for _, query, variables in pending[:WARM_UP * 6]:
        run(query, variables)
    times: dict[str, list[float]] = {}
    for kind, query, variables in pending[WARM_UP * 6:]:
        started = time.perf_counter()
        run(query, variables)
        times.setdefault(kind, []).append(time.perf_counter() - started)
    return {kind: statistics.median(values) for kind, values in times.items()}


def incremental_step(graph: Graph, settings: Settings, base_path: Path, batch_path: Path,
                     home: str) -> None:
    started = time.perf_counter()
    report = ingest_file(graph, batch_path, FORMATS["openalex"], settings.batch_size,
                         WORK_DIR / "scale-batch.rejects.jsonl")
    seconds = time.perf_counter() - started
    print(f"incremental: {report.written} works in {seconds:.1f}s "
          f"({report.written / seconds:.0f} works/s), rejected {report.rejected}", flush=True)
    in_graph = digest(graph_derived(graph))
    expected = digest(python_derived([base_path, batch_path], settings.batch_size,
                                     WORK_DIR / f"{home}-expected"))
    print(f"derived edges after the batch: {in_graph[0]} in the graph, {expected[0]} "
          f"computed apart; {'EQUAL' if in_graph == expected else 'DIFFERENT'}", flush=True)


def timed_incremental(graph: Graph, settings: Settings, batch_path: Path) -> None:
    """`--reuse --incremental N`: the first N works of the batch into the graph a previous run
    left, timed, with the five slowest named queries; the derived edges are not compared (at 1M
    that is a second CSV stage and a read of every derived edge). Works already in the graph
    (a second such run) are skipped as unchanged."""
    with timed_batches() as (spent, phases):
        started = time.perf_counter()
        report = ingest_file(graph, batch_path, FORMATS["openalex"], settings.batch_size,
                             WORK_DIR / "scale-batch.rejects.jsonl")
        seconds = time.perf_counter() - started
    print(f"incremental into the reused graph: {report.written} of {report.read} works written "
          f"in {seconds:.1f}s ({report.written / seconds:.1f} works/s), rejected "
          f"{report.rejected}; write transactions {phases['write transaction']:.1f}s, named "
          f"queries {sum(spent.values()):.1f}s; slowest: "
          + ", ".join(f"{name} {took:.1f}s" for name, took in spent.most_common(5))
          + " (derived edges not compared)", flush=True)


def phases(run: trust.TrustRun) -> str:
    return (", ".join(f"{name} {seconds:.1f}s" for name, seconds in run.phases.items())
            + f"; {run.written} of {run.walk_nodes} walk nodes written")


def server_memory(server: LocalServer) -> str:
    """Resident and peak resident memory of the server's JVM."""
    try:
        status = Path(f"/proc/{int(server.pid_file.read_text().strip())}/status").read_text()
    except (OSError, ValueError):
        return "memory ?"
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return f"RSS {fields.get('VmRSS', '?').strip()}, peak {fields.get('VmHWM', '?').strip()}"


def forget_trust(graph: Graph) -> None:
    """Every stored trust value removed, slice by slice of internal ids, so that the next compute
    is a first one (writes every walk node)."""
    started = time.perf_counter()
    highest = graph.read("trust/walk_extent")[0]["highest"]
    for first in range(0, highest + 1, trust.EXPORT_CHUNK):
        graph.write("forget_trust_slice", first=first, size=trust.EXPORT_CHUNK)
    print(f"trust values forgotten in {time.perf_counter() - started:.1f}s", flush=True)


def trust_step(graph: Graph, server: LocalServer, forget: bool = False) -> tuple[float, float]:
    """Step 3: the walk alone, then `kg trust compute` (a first compute after `forget`); returns
    both times in seconds."""
    if forget:
        forget_trust(graph)
    started = time.perf_counter()
    walk = trust.export_walk(graph)
    exported = time.perf_counter() - started
    _, iterations, _ = trust.propagate(walk)
    iterated = time.perf_counter() - started - exported
    print(f"trust: walk {walk.size} nodes, {walk.matrix.nnz // 2} edges, {iterations} "
          f"steps; kg export {exported:.1f}s + iterate {iterated:.1f}s", flush=True)
    run = trust.compute(graph)
    print(f"kg trust compute {run.seconds:.1f}s ({phases(run)}); "
          f"server {server_memory(server)}", flush=True)
    again = trust.compute(graph)
    print(f"kg trust compute again, nothing changed: {again.seconds:.1f}s "
          f"({phases(again)})", flush=True)
    return run.seconds, exported + iterated


def baseline_step(graph: Graph, server: LocalServer, computed: float, walked: float) -> None:
    """Step 5: the plain trust baseline against the computed and walk times of step 3."""
    stored = {row["id"]: row["propagated"] for row in graph.read("trust_values_all")}
    plain, plain_export, plain_iterate = baseline_trust(graph)
    ids = sorted(plain)
    rho = spearman([stored[i] for i in ids], [plain[i] for i in ids])
    plain_total = plain_export + plain_iterate
    print(f"trust baseline (row-per-edge export {plain_export:.1f}s + scipy "
          f"{plain_iterate:.1f}s) {plain_total:.1f}s: compute/baseline "
          f"{computed / plain_total:.2f}x, walk/baseline {walked / plain_total:.2f}x; "
          f"Spearman {rho:.6f}; server {server_memory(server)}", flush=True)


def idb03_p50(settings: Settings, server: LocalServer, count: int) -> dict[str, float]:
    """The API p50s on idb03 loaded by `--bulk` into the (empty) server, trust computed."""
    bulk_load(settings, server, IDB03_WORKS)
    with database.connect(settings) as graph:
        trust.compute(graph)
        return api_p50(graph, count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--home", default="neo4j-bench-scale", help="server home in .kg/")
    parser.add_argument("--incremental", type=int, default=None,
                        help="ingest only the first N works of the batch (a slow machine); 0: "
                             "skip the incremental step and its derived-edge check")
    parser.add_argument("--skip", type=int, default=0,
                        help="with --incremental N: take works K..K+N of the batch (new works "
                             "for a graph a previous --incremental run already holds)")
    parser.add_argument("--requests", type=int, default=REQUESTS,
                        help="timed API requests of each kind")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the graph a previous run loaded into --home (no "
                             "generation, no load, no incremental step); idb03 replaces it at "
                             "the end unless --keep")
    parser.add_argument("--api-only", action="store_true",
                        help="with --reuse: only the API p50s (no trust steps) on both graphs")
    parser.add_argument("--forget-trust", action="store_true",
                        help="with --reuse: remove the stored trust values first, so that the "
                             "first compute writes every walk node")
    parser.add_argument("--keep", action="store_true",
                        help="keep the large graph in --home: measure idb03 on a server home of "
                             "its own (<home>-idb03) instead of replacing it")
    args = parser.parse_args(argv)
    incremental = args.incremental != 0 and not args.reuse
    if not args.reuse or args.incremental:
        base_path, batch_path = generated(args.works, args.batch)
        if args.incremental:
            batch_path = head(batch_path, args.incremental, args.skip)
    base = config.from_env({"NEO4J_HEAP": args.heap, "NEO4J_PAGECACHE": args.pagecache})
    settings = database.on_free_ports(base)
    print(f"Neo4j at {settings.neo4j_uri}: heap {settings.neo4j_heap}, page cache "
          f"{settings.neo4j_pagecache}", flush=True)
    with database.scratch_server(settings, base.state_dir / args.home, keep=args.reuse) as server:
        # the large graph first, each figure printed as it is measured; idb03 last
        if not args.reuse:
            loaded = bulk_load(settings, server, base_path)
            print(f"store {store_size(server)}; bulk {args.works / loaded.seconds:.0f} works/s; "
                  f"server {server_memory(server)}", flush=True)
        with database.connect(settings) as graph:
            if incremental:
                incremental_step(graph, settings, base_path, batch_path, args.home)
            elif args.reuse and args.incremental:
                timed_incremental(graph, settings, batch_path)
            trusted = None if args.reuse and args.api_only else trust_step(graph, server,
                                                                        args.forget_trust)
            large = api_p50(graph, args.requests)
            for kind, seconds in large.items():
                print(f"API p50 {args.works}: {kind} {seconds * 1e3:.1f}ms", flush=True)
            if trusted is not None:
                baseline_step(graph, server, *trusted)
        server.stop()
        if args.keep:
            with database.scratch_server(settings, base.state_dir / f"{args.home}-idb03") as apart:
                small = idb03_p50(settings, apart, args.requests)
        else:
            server.wipe()
            server.start()
            wait_until_ready(settings)
            small = idb03_p50(settings, server, args.requests)
        print(f"{'API p50 (in-process)':<22} {'idb03':>9} {args.works:>9} {'ratio':>6}")
        for kind, seconds in large.items():
            print(f"{kind:<22} {small[kind] * 1e3:>7.1f}ms {seconds * 1e3:>7.1f}ms "
                  f"{seconds / small[kind]:>5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
