"""The services benchmark, one command:
`.venv/bin/python -m bench.services [--skip-68k | --only-68k]`.

On a Neo4j of its own (bench/database.py; heap and page cache 1g unless NEO4J_HEAP /
NEO4J_PAGECACHE say otherwise), for the idb03 OpenAlex works and then the 68k papercopilot papers
(converted by testkit/converters/papercopilot_to_jsonl.py, loaded with the `jsonl` format;
both times printed):

  1. ingest, then a full trust computation (`kg.trust.compute`);
  2. export the graph once and build the networkx side (bench/nxgraph.py; time printed apart);
  3. the same trust walk with networkx's personalised PageRank, timed, with the Spearman rank
     correlation of the two;
  4. for a fixed-seed sample of nodes, each per-node service through `kg` next to the same
     answer computed in Python/networkx, calls interleaved so both see the same machine load;
     median and p99 of each, their ratio, and how many answers agree.

Ratios are the figures to read: the machine is shared and noisy. Results go to stdout only;
docs/benchmarks.md quotes runs of this.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import nxgraph
from bench.database import WORK_DIR, empty_graph
from kg import coauthorship, metrics, neighbourhood, search, topics, trust
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit import datasets
from testkit.census import census
from testkit.converters import papercopilot_to_jsonl
from testkit.database import delete_everything as empty
from testkit.datasets import IDB03_WORKS
from testkit.ranking import spearman

MEMORY = {"NEO4J_HEAP": "1g", "NEO4J_PAGECACHE": "1g"}
SEED = 20261123
WARM_UP = 5
MIN_WORD = 4


@dataclass(frozen=True)
class Service:
    name: str
    samples: list[tuple[Any, ...]]
    kg: Callable[..., Any]
    nx: Callable[..., Any]
    same: Callable[[Any, Any], bool] | None  # None: the answers are not meant to be identical


@dataclass(frozen=True)
class Timing:
    name: str
    kg: list[float]
    nx: list[float]
    agree: int | None


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]


def measure(service: Service) -> Timing:
    for args in service.samples[:WARM_UP]:
        service.kg(*args)
    kg_times, nx_times, agree = [], [], 0
    for args in service.samples:
        started = time.perf_counter()
        ours = service.kg(*args)
        middle = time.perf_counter()
        theirs = service.nx(*args)
        kg_times.append(middle - started)
        nx_times.append(time.perf_counter() - middle)
        if service.same is not None:
            agree += service.same(ours, theirs)
    return Timing(service.name, kg_times, nx_times, None if service.same is None else agree)


def _shown(found: neighbourhood.Neighbourhood) -> dict[str, tuple[int, int]]:
    kept = Counter(node.type for node in found.nodes[1:])
    left = {t.type: t.remaining for t in found.truncated}
    return {kind: (kept.get(kind, 0), left.get(kind, 0)) for kind in {*kept, *left}}


def services(graph: Graph, g: nxgraph.NxGraph, count: int) -> list[Service]:
    rng = random.Random(SEED)
    researchers = rng.sample(sorted(r for r, k in g.kind.items() if k == "RESEARCHER"), count)
    topical = sorted(t for t in g.topic_papers if t in g.cooccurs)
    topic_ids = rng.sample(topical, min(count, len(topical)))
    level = Counter(g.topic_level[t] for t in g.topic_papers).most_common(1)[0][0]
    pairs = list(zip(researchers, researchers[1:] + researchers[:1], strict=True))
    titles = sorted(p for p, k in g.kind.items() if k == "PAPER")
    words = []
    for paper in rng.sample(titles, count):
        title = g.label[paper].lower()
        candidates = [w for w in nxgraph.WORD.findall(title) if len(w) >= MIN_WORD]
        words.append((" ".join(rng.sample(candidates, min(2, len(candidates)))) or "data",))
    one = [(r,) for r in researchers]
    return [
        Service("coauthors_of (first 25)", one,
                lambda r: coauthorship.coauthors_of(graph, r),
                lambda r: nxgraph.coauthors(g, r),
                lambda a, b: (a.total_count, [(c.id, c.shared_works) for c in a.coauthors]) == b),
        Service("close_collaborators", one,
                lambda r: coauthorship.close_collaborators(graph, r),
                lambda r: nxgraph.close_collaborators(g, r),
                lambda a, b: sorted((c.id, c.shared_works) for c in a) == b),
        Service("collaboration_path (<= 6 hops)", pairs,
                lambda x, y: coauthorship.collaboration_path(graph, x, y),
                lambda x, y: nxgraph.collaboration_path(g, x, y),
                lambda a, b: (a is None and b is None)
                or (a is not None and b is not None and a.length == len(b))),
        Service("suggested_collaborators (10)", one,
                lambda r: coauthorship.suggested_collaborators(graph, r),
                lambda r: nxgraph.suggested_collaborators(g, r),
                lambda a, b: [round(s.score, 9) for s in a] == [round(s, 9) for _, s in b]),
        Service("researcher_metrics", one,
                lambda r: metrics.researcher_metrics(graph, r),
                lambda r: nxgraph.researcher_metrics(g, r),
                lambda a, b: (a.works, a.citations, a.h_index, a.i10_index, a.topics,
                              a.close_collaborators, a.novel_works) == b),
        Service(f"topic_profile ({level})", one,
                lambda r: topics.topic_profile(graph, r, level),
                lambda r: nxgraph.topic_profile(g, r, level),
                lambda a, b: sorted(round(s.share, 9) for s in a)
                == sorted(round(s, 9) for _, s in b)),
        Service("adjacent_topics (first 10)", [(t,) for t in topic_ids],
                lambda t: topics.adjacent_topics(graph, t),
                lambda t: nxgraph.adjacent_topics(g, t),
                lambda a, b: (a.total_count, [e.cooccurrences for e in a.edges]) == b),
        Service("neighbourhood depth 1", one,
                lambda r: neighbourhood.neighbourhood(graph, r, 1),
                lambda r: nxgraph.neighbourhood(g, r, 1),
                lambda a, b: _shown(a) == b),
        Service("neighbourhood depth 2", one,
                lambda r: neighbourhood.neighbourhood(graph, r, 2),
                lambda r: nxgraph.neighbourhood(g, r, 2),
                lambda a, b: _shown(a) == b),
        Service("search (1-2 title words)", words,
                lambda q: search.search(graph, q),
                lambda q: nxgraph.search(g, q),
                None),
    ]


def report(timings: list[Timing], samples: int) -> None:
    print(f"{'service':<32} {'kg p50':>8} {'kg p99':>8} {'nx p50':>8} {'nx p99':>8} "
          f"{'kg/nx p50':>9} {'kg/nx p99':>9}  same answer")
    for t in timings:
        kg50, nx50 = statistics.median(t.kg), statistics.median(t.nx)
        agree = "n/a (Lucene vs word lookup)" if t.agree is None else f"{t.agree}/{len(t.kg)}"
        print(f"{t.name:<32} {kg50 * 1e3:>7.2f}ms {p99(t.kg) * 1e3:>7.2f}ms "
              f"{nx50 * 1e3:>7.3f}ms {p99(t.nx) * 1e3:>7.3f}ms "
              f"{kg50 / nx50 if nx50 else math.inf:>8.1f}x {p99(t.kg) / p99(t.nx):>8.1f}x  {agree}")
    print(f"(ms per call over {samples} sampled nodes, seed {SEED}, after {WARM_UP} warm-up calls)")


def compare_trust(graph: Graph, g: nxgraph.NxGraph, run: trust.TrustRun) -> None:
    started = time.perf_counter()
    expected = nxgraph.trust(g, trust.DAMPING, trust.TOLERANCE, 1000)
    seconds = time.perf_counter() - started
    stored = {row["id"]: row["propagated"] for row in graph.read("trust_values_all")}
    ids = sorted(stored)
    rho = spearman([stored[i] for i in ids], [expected.get(i, 0.0) for i in ids])
    edges = g.walk.number_of_edges()
    per_step = run.seconds / max(run.iterations, 1)
    print(f"trust: kg.trust.compute {run.seconds:.2f}s ({run.iterations} iterations, "
          f"{per_step * 1e3:.0f} ms/iteration incl. set-up and scoring, "
          f"{per_step / edges * 1e9:.0f} ns per walk edge per iteration; "
          f"{run.walk_nodes} walk nodes, {edges} walk edges, {run.seeds} seeds)")
    print(f"       networkx PageRank (pure Python, same weights, teleport, dangling rule and "
          f"tolerance) {seconds:.2f}s; kg/nx {run.seconds / seconds:.1f}x; "
          f"Spearman over {len(ids)} researchers {rho:.4f}")


def run_set(graph: Graph, name: str, count: int, load: Callable[[], None]) -> None:
    print(f"\n=== {name} ===", flush=True)
    empty(graph)
    load()
    held = census(graph)
    print("graph: " + ", ".join(f"{k} {v}" for k, v in held.items()), flush=True)
    try:
        run: trust.TrustRun | None = trust.compute(graph)
    except Exception as exc:  # noqa: BLE001  a failed computation is a result to report
        print(f"trust: kg.trust.compute FAILED: {type(exc).__name__}: {exc}", flush=True)
        run = None
    started = time.perf_counter()
    nodes, edges = nxgraph.export(graph)
    exported = time.perf_counter()
    g = nxgraph.build(nodes, edges)
    built = time.perf_counter()
    print(f"networkx side: export {exported - started:.1f}s ({len(nodes)} nodes, {len(edges)} "
          f"edges), build {built - exported:.1f}s ({g.coauthors.number_of_edges()} co-author "
          f"pairs, {g.everything.number_of_edges()} edges in the explorer graph)", flush=True)
    if run is not None:
        compare_trust(graph, g, run)
    timings = [measure(service) for service in services(graph, g, count)]
    report(timings, count)


def ingest(graph: Graph, path: Path, format_name: str) -> None:
    report = ingest_file(graph, path, FORMATS[format_name], graph.settings.batch_size,
                         WORK_DIR / f"{path.name}.rejects.jsonl")
    print(f"ingest: {report.written} works in {report.seconds:.1f}s "
          f"({report.written / report.seconds:.1f} works/s, {report.rejected} rejected, "
          f"batch {graph.settings.batch_size})", flush=True)


def papercopilot(graph: Graph) -> None:
    converted = WORK_DIR / "papercopilot.jsonl.gz"
    started = time.perf_counter()
    tally = papercopilot_to_jsonl.write(datasets.papercopilot(), converted)
    print(f"convert: {tally.read} papers read, {tally.written} records written in "
          f"{time.perf_counter() - started:.1f}s", flush=True)
    ingest(graph, converted, "jsonl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=200, help="sampled nodes, idb03")
    parser.add_argument("--samples-68k", type=int, default=100, help="sampled nodes, 68k set")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--skip-68k", action="store_true")
    which.add_argument("--only-68k", action="store_true")
    args = parser.parse_args(argv)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with empty_graph("neo4j-bench-services", MEMORY) as graph:
        if graph is None:
            return 1
        if not args.only_68k:
            run_set(graph, "idb03 OpenAlex works", args.samples,
                    lambda: ingest(graph, IDB03_WORKS, "openalex"))
        if not args.skip_68k:
            run_set(graph, "papercopilot 68k papers", args.samples_68k,
                    lambda: papercopilot(graph))
    return 0


if __name__ == "__main__":
    sys.exit(main())
