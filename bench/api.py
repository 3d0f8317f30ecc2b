"""The API benchmark, one command: `.venv/bin/python -m bench.api [--seconds 15] [--workers 1]`.

On a Neo4j of its own (bench/database.py) holding the idb03 OpenAlex works with trust computed,
it starts `kg serve` as a subprocess on a free loopback port and measures, over HTTP:

  1. p50 and p99 of three GraphQL queries a frontend sends (a full researcher profile, the
     depth-2 neighbourhood of a researcher, a search), one request at a time, each next to the
     same answer fetched with the raw neo4j driver in this process: the very named queries with
     the very parameters the API runs for that request (recorded by executing the request once
     in-process on a recording graph), each in its own read transaction, as the API does. Calls
     are interleaved so both see the same machine load; the ratio API/raw is the price of HTTP,
     GraphQL, the DataLoaders and the service layer.
  2. requests per second with 16 concurrent clients (threads, one httpx2 client each) mixing the
     three queries for a bounded time, with their p50/p99 and the error count.

Results go to stdout only; docs/benchmarks.md quotes runs of this.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx2

from api.graphql.context import Context
from api.graphql.schema import build_schema
from bench.database import WORK_DIR, empty_graph
from bench.services import SEED, p99
from kg import trust
from kg.config import Settings
from kg.db.graph import Graph, Row, Transaction
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.nodes import ALL
from testkit.datasets import IDB03_WORKS, ROOT
from testkit.ports import free_port

CLIENTS = 16
TRUST = "trust { score tier verificationLevel claimed propagated }"
PROFILE = """
query Profile($id: ID!) {
  researcher(id: $id) {
    name
    metrics { works citations hIndex i10Index followers topics closeCollaborators novelty }
    TRUST
    topics(first: 5) { share topic { name } }
    closeCollaborators { sharedWorks researcher { name } }
    coauthors(first: 10) { edges { sharedWorks node { name } } }
    papers(first: 5) { edges { node { title } } }
  }
}"""
NEIGHBOURHOOD = """
query Neighbourhood($id: ID!) {
  neighbourhood(id: $id, depth: 2) {
    nodes { id type label weight }
    edges { id source target type weight }
    truncated { type remaining }
  }
}"""
SEARCH = """
query Search($q: String!) {
  search(query: $q, first: 10) { id type label score }
}"""


@dataclass(frozen=True)
class Request:
    kind: str
    query: str
    variables: dict[str, Any]


class _Recorder:
    """A transaction view that notes each named query and its parameters before running it."""

    def __init__(self, tx: Transaction, seen: list[tuple[str, dict[str, Any]]]) -> None:
        self._tx = tx
        self._seen = seen

    def run(self, name: str, /, **params: Any) -> list[Row]:
        self._seen.append((name, params))
        return self._tx.run(name, **params)


class RecordingGraph(Graph):
    """A graph that keeps the (name, parameters) of every named query read through it."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.seen: list[tuple[str, dict[str, Any]]] = []

    def read_transaction(self, work: Callable[[Transaction], Any]) -> Any:
        def recorded(tx: Transaction) -> Any:
            return work(_Recorder(tx, self.seen))  # type: ignore[arg-type]

        return super().read_transaction(recorded)


def named_queries(graph: RecordingGraph, request: Request) -> list[tuple[str, dict[str, Any]]]:
    """The named queries (and parameters) the API runs to answer `request`."""
    graph.seen = []
    context = Context.of(graph, graph.settings, None)
    result = asyncio.run(build_schema(graph.settings).execute(
        request.query, variable_values=request.variables, context_value=context))
    if result.errors:
        raise RuntimeError(f"{request.kind} failed in-process: {result.errors}")
    return list(graph.seen)


def raw(graph: Graph, queries: list[tuple[str, dict[str, Any]]]) -> None:
    """The same named queries straight through the driver, one read transaction each."""
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        for name, params in queries:
            text = graph.queries[name].text
            session.execute_read(lambda tx, t=text, p=params: list(tx.run(t, p)))


def post(client: httpx2.Client, request: Request) -> None:
    response = client.post("/graphql", json={"query": request.query,
                                             "variables": request.variables})
    response.raise_for_status()
    if response.json().get("errors"):
        raise RuntimeError(f"{request.kind}: {response.json()['errors']}")


def profile_query(settings: Settings) -> str:
    """The profile query, with its trust fields when this checkout's schema has them (the API
    branch that adds `Researcher.trust` may not be merged yet: then they are left out, said)."""
    if "type Trust " in build_schema(settings).as_str():
        return PROFILE.replace("TRUST", TRUST)
    print("note: this schema has no Researcher.trust yet; the profile query goes without it")
    return PROFILE.replace("TRUST", "")


def requests(graph: Graph, count: int) -> list[Request]:
    profile = profile_query(graph.settings)
    rng = random.Random(SEED)
    all_researchers = sorted(r["id"] for r in graph.read("derive/all_researcher_ids"))
    researchers = rng.sample(all_researchers, count)
    paper_ids = rng.sample(sorted(r["id"] for r in graph.read("all_paper_ids")), count)
    titles = [row["title"] or "" for row in graph.read("nodes/papers_by_ids", ids=paper_ids,
                                                            shown=ALL.parameter)]
    words = [" ".join(rng.sample([w for w in title.split() if len(w) >= 4] or ["data"], 1))
             for title in titles]
    return [Request(kind, query, variables) for r, w in zip(researchers, words, strict=True)
            for kind, query, variables in (("profile", profile, {"id": r}),
                                           ("neighbourhood depth 2", NEIGHBOURHOOD, {"id": r}),
                                           ("search", SEARCH, {"q": w}))]


def sequential(graph: Graph, client: httpx2.Client, recorded: list[tuple[Request, Any]]) -> None:
    for request, queries in recorded[:6]:  # warm-up: plans and caches on both paths
        post(client, request)
        raw(graph, queries)
    times: dict[str, tuple[list[float], list[float]]] = {}
    for request, queries in recorded:
        started = time.perf_counter()
        post(client, request)
        middle = time.perf_counter()
        raw(graph, queries)
        api_times, raw_times = times.setdefault(request.kind, ([], []))
        api_times.append(middle - started)
        raw_times.append(time.perf_counter() - middle)
    print(f"{'one request at a time':<24} {'API p50':>8} {'API p99':>8} {'raw p50':>8} "
          f"{'raw p99':>8} {'API/raw p50':>11} {'p99':>6}  named queries/request")
    for kind, (api_times, raw_times) in times.items():
        per_request = [len(q) for r, q in recorded if r.kind == kind]
        api50, raw50 = statistics.median(api_times), statistics.median(raw_times)
        print(f"{kind:<24} {api50 * 1e3:>6.1f}ms {p99(api_times) * 1e3:>6.1f}ms "
              f"{raw50 * 1e3:>6.1f}ms {p99(raw_times) * 1e3:>6.1f}ms {api50 / raw50:>10.1f}x "
              f"{p99(api_times) / p99(raw_times):>5.1f}x  {statistics.median(per_request):.0f} "
              f"(over {len(api_times)} requests)")


def concurrent(base_url: str, pool: list[Request], seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def client_loop(offset: int) -> None:
        mine: list[tuple[str, float]] = []
        with httpx2.Client(base_url=base_url, timeout=30.0) as client:
            for request in itertools.islice(itertools.cycle(pool), offset, None):
                if time.perf_counter() >= deadline:
                    break
                started = time.perf_counter()
                try:
                    post(client, request)
                except (httpx2.HTTPError, RuntimeError) as exc:
                    with lock:
                        errors.append(str(exc)[:200])
                    continue
                mine.append((request.kind, time.perf_counter() - started))
        with lock:
            for kind, took in mine:
                latencies.setdefault(kind, []).append(took)

    started = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(i * 7,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    done = sum(len(v) for v in latencies.values())
    print(f"{CLIENTS} concurrent clients for {elapsed:.1f}s: {done} requests, "
          f"{done / elapsed:.1f} requests/s, {len(errors)} errors")
    for kind, took in latencies.items():
        print(f"  {kind:<22} {len(took):>5} requests  p50 {statistics.median(took) * 1e3:.0f}ms"
              f"  p99 {p99(took) * 1e3:.0f}ms")
    for error in errors[:3]:
        print(f"  error: {error}")


def serve(settings: Settings, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {"PATH": "/usr/bin:/bin", "NEO4J_URI": settings.neo4j_uri,
           "NEO4J_USER": settings.neo4j_user, "NEO4J_PASSWORD": settings.neo4j_password,
           "NEO4J_DATABASE": settings.neo4j_database, "KG_STATE_DIR": str(settings.state_dir),
           "KG_WARM_PLAN_SECONDS": "0"}  # its planning at start would run beside the first runs
    log = (WORK_DIR / "api-bench-server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return server
        except httpx2.HTTPError:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.3)
    server.terminate()
    raise RuntimeError(f"kg serve did not become ready; see {log.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=100, help="requests of each kind")
    parser.add_argument("--seconds", type=float, default=15.0, help="concurrent phase")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = parser.parse_args(argv)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with empty_graph("neo4j-bench-api") as graph:
        if graph is None:
            return 1
        report = ingest_file(graph, IDB03_WORKS, FORMATS["openalex"], graph.settings.batch_size,
                             WORK_DIR / "api-bench.rejects.jsonl")
        run = trust.compute(graph)
        print(f"idb03: {report.written} works ingested in {report.seconds:.1f}s; "
              f"trust computed in {run.seconds:.1f}s")
        with RecordingGraph(graph.settings) as recording:
            recorded = [(r, named_queries(recording, r)) for r in requests(graph, args.samples)]
        for request, queries in recorded[:3]:
            print(f"{request.kind}: named queries run by the API: "
                  f"{', '.join(name for name, _ in queries)}")
        port = free_port()
        server = serve(graph.settings, port, args.workers)
        try:
            print(f"kg serve on 127.0.0.1:{port}, {args.workers} worker(s)")
            with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30.0) as client:
                sequential(graph, client, recorded)
            concurrent(f"http://127.0.0.1:{port}", [r for r, _ in recorded], args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
