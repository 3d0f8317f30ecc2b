"""The load benchmark, one command: `.venv/bin/python -m bench.load [--clients 16] [--seconds 20]`.

N concurrent clients (threads, one keep-alive HTTP connection each) send GraphQL requests for M
seconds to the API served by `kg serve` in a subprocess on a free loopback port, over a Neo4j
holding the idb03 OpenAlex works: a local server of its own (home `.kg/neo4j-load`, free ports,
loaded once and kept between runs) or the database `NEO4J_URI` names (loaded when empty).

Each client cycles through a shuffled mix of four kinds of request over real ids and words:
  profile         a researcher profile as the explorer asks for it: metrics, trust (when the
                  schema has it), topics, close collaborators and the first 10 co-authors;
  neighbourhood1  the neighbourhood of a researcher, paper or topic at depth 1;
  neighbourhood2  the same at depth 2;
  search          full-text search for one or two words from paper titles.

It prints the throughput (requests/s), p50 and p99 per kind and overall, and the number of
errors (HTTP status other than 200, or a GraphQL `errors` list); it exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from kg import config
from kg.config import Settings
from kg.db import schema
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit import database
from testkit.census import census as testkit_census
from testkit.datasets import IDB03_WORKS, ROOT
from testkit.ports import free_port

IDB03_PAPERS = 2643
MODEST_MEMORY = {"NEO4J_HEAP": "768m", "NEO4J_PAGECACHE": "512m"}
MAX_SECONDS = 600
MAX_CLIENTS = 256
REQUEST_TIMEOUT = 30.0
KINDS = ("profile", "neighbourhood1", "neighbourhood2", "search")

PROFILE = """query ($id: ID!) {
  researcher(id: $id) {
    id name orcid openToCollaborate
    %s
    metrics { works citations hIndex i10Index followers topics closeCollaborators novelty }
    topics(first: 5) { share works topic { id name } }
    closeCollaborators { sharedWorks researcher { id name } }
    coauthors(first: 10) { totalCount edges { sharedWorks firstYear lastYear node { id name } } }
  }
}"""
TRUST = "trust { score tier verificationLevel claimed }"
NEIGHBOURHOOD = """query ($id: ID!, $depth: Int!) {
  neighbourhood(id: $id, depth: $depth) {
    nodes { id type label weight } edges { id source target type weight }
    truncated { type remaining }
  }
}"""
SEARCH = "query ($q: String!) { search(query: $q, first: 10) { id type label score } }"


@contextmanager
def load_database() -> Iterator[Settings]:
    """A Neo4j holding the idb03 works: NEO4J_URI's, or a local server of the bench's own."""
    base = config.from_env({**MODEST_MEMORY, **os.environ})
    if os.environ.get("NEO4J_URI"):
        _load_idb03(base)
        yield base
        return
    settings = database.on_free_ports(base)
    print(f"starting Neo4j for the load bench at {settings.neo4j_uri} "
          f"(heap {settings.neo4j_heap}, page cache {settings.neo4j_pagecache})", flush=True)
    with database.scratch_server(settings, base.state_dir / "neo4j-load"):
        _load_idb03(settings)
        yield settings


def _load_idb03(settings: Settings) -> None:
    with database.connect(settings) as graph:
        schema.apply(graph)
        census = testkit_census(graph)
        if census.get("papers") == IDB03_PAPERS:
            return
        if census:
            raise SystemExit(f"{settings.neo4j_uri} holds other data ({census}); "
                             "point NEO4J_URI at an empty database")
        print("loading the idb03 works (once; kept for the next runs)...", flush=True)
        started = time.monotonic()
        ingest_file(graph, IDB03_WORKS, FORMATS["openalex"], settings.batch_size,
                    settings.state_dir / "load-rejects.jsonl")
        print(f"loaded in {time.monotonic() - started:.0f}s", flush=True)


@contextmanager
def api_server(settings: Settings) -> Iterator[tuple[str, int]]:
    """`kg serve` in a subprocess on a free loopback port; yields (host, port)."""
    port = free_port()
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
           "NEO4J_PASSWORD": settings.neo4j_password, "NEO4J_DATABASE": settings.neo4j_database,
           "KG_RATE_LIMIT_ADDRESS": "off",  # one client measuring throughput, not the limiter
           "KG_WARM_PLAN_SECONDS": "0"}  # nor the plan warm-up's planning beside the first runs
    log_path = settings.state_dir / "load-serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while not _ready("127.0.0.1", port):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"kg serve did not come up; see {log_path}")
                time.sleep(0.2)
            yield "127.0.0.1", port
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


def _ready(host: str, port: int) -> bool:
    try:
        connection = http.client.HTTPConnection(host, port, timeout=2)
        connection.request("GET", "/readyz")
        return connection.getresponse().status == 200
    except OSError:
        return False


@dataclass(frozen=True)
class Workload:
    researchers: list[str]
    neighbourhood_ids: list[str]
    words: list[str]
    profile: str


def workload(host: str, port: int, seed: int) -> Workload:
    """Real ids and title words from the idb03 file; the profile query with trust when the
    schema has it."""
    rng = random.Random(seed)
    researchers: set[str] = set()
    papers: set[str] = set()
    topics: set[str] = set()
    words: set[str] = set()
    with gzip.open(IDB03_WORKS, "rt", encoding="utf-8") as lines:
        for line in lines:
            work = json.loads(line)
            papers.add(work["id"].rsplit("/", 1)[1])
            for authorship in work.get("authorships") or []:
                if (author := authorship.get("author") or {}).get("id"):
                    researchers.add(author["id"].rsplit("/", 1)[1])
            for topic in work.get("topics") or []:
                topics.add(topic["id"].rsplit("/", 1)[1])
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{5,}", work.get("title") or ""))
    fields = post(http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT),
                   '{ __type(name: "Researcher") { fields { name } } }', {})
    names = {f["name"] for f in fields["data"]["__type"]["fields"]}

    def pick(items: set[str], count: int) -> list[str]:
        return rng.sample(sorted(items), min(count, len(items)))

    neighbourhood_ids = pick(researchers, 150) + pick(papers, 100) + pick(topics, 50)
    return Workload(researchers=pick(researchers, 300), neighbourhood_ids=neighbourhood_ids,
                    words=pick(words, 300), profile=PROFILE % (TRUST if "trust" in names else ""))


def post(connection: http.client.HTTPConnection, query: str,
          variables: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables})
    connection.request("POST", "/graphql", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = response.read()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}: {payload[:200]!r}")
    answer = json.loads(payload)
    if answer.get("errors"):
        raise RuntimeError(f"GraphQL errors: {answer['errors'][:1]}")
    return answer


def request_for(kind: str, work: Workload, rng: random.Random) -> tuple[str, dict[str, Any]]:
    if kind == "profile":
        return work.profile, {"id": rng.choice(work.researchers)}
    if kind.startswith("neighbourhood"):
        return NEIGHBOURHOOD, {"id": rng.choice(work.neighbourhood_ids), "depth": int(kind[-1])}
    words = rng.sample(work.words, rng.choice((1, 2)))
    return SEARCH, {"q": " ".join(words)}


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def client(host: str, port: int, work: Workload, seed: int, until: float, tally: Tally) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT)
    kinds = list(KINDS)
    while time.monotonic() < until:
        rng.shuffle(kinds)
        for kind in kinds:
            query, variables = request_for(kind, work, rng)
            started = time.perf_counter()
            try:
                post(connection, query, variables)
            except (OSError, RuntimeError, http.client.HTTPException, ValueError) as exc:
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT)
                with tally.lock:
                    tally.errors.append(f"{kind} {variables}: {exc}")
                continue
            elapsed = time.perf_counter() - started
            with tally.lock:
                tally.latencies[kind].append(elapsed)
    connection.close()


def run_clients(host: str, port: int, work: Workload, clients: int, seconds: float,
                seed: int) -> tuple[Tally, float]:
    """`clients` threads sending requests for `seconds`; the tally and the seconds it took."""
    tally = Tally()
    until = time.monotonic() + seconds
    started = time.monotonic()
    threads = [threading.Thread(target=client, daemon=True,
                                args=(host, port, work, seed + i, until, tally))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + REQUEST_TIMEOUT + 5)
    return tally, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=1000, method="inclusive")[round(share * 1000) - 1]


def report(tally: Tally, seconds: float, clients: int) -> None:
    every = [value for values in tally.latencies.values() for value in values]
    total = len(every) + len(tally.errors)
    print(f"\n{clients} clients for {seconds:.1f}s: {total} requests, "
          f"{total / seconds:.1f} req/s, {len(tally.errors)} errors\n")
    print(f"{'kind':<16}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
    rows = [(kind, tally.latencies[kind]) for kind in KINDS] + [("overall", every)]
    for kind, values in rows:
        print(f"{kind:<16}{len(values):>10}{len(values) / seconds:>9.1f}"
              f"{percentile(values, 0.50) * 1000:>9.1f}{percentile(values, 0.99) * 1000:>9.1f}")
    for error in tally.errors[:5]:
        print("error:", error)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=3.0,
                        help="seconds of load before the measured run (not counted)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= MAX_CLIENTS or not 0 < args.seconds <= MAX_SECONDS:
        parser.error(f"--clients 1..{MAX_CLIENTS} and --seconds up to {MAX_SECONDS}")
    with load_database() as settings, api_server(settings) as (host, port):
        work = workload(host, port, args.seed)
        print(f"API at http://{host}:{port}; {len(work.researchers)} researchers, "
              f"{len(work.neighbourhood_ids)} neighbourhood ids, {len(work.words)} words",
              flush=True)
        warm = run_clients(host, port, work, args.clients, args.warmup, args.seed)[0] \
            if args.warmup > 0 else Tally()
        tally, elapsed = run_clients(host, port, work, args.clients, args.seconds, args.seed)
    tally.errors[:0] = [f"(warm-up) {error}" for error in warm.errors]
    report(tally, elapsed, args.clients)
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
