"""kg against @neo4j/graphql, one command: `.venv/bin/python -m bench.peer [--with-68k]`.

Both servers answer over the same Neo4j (a scratch server of the bench's own, `.kg/neo4j-peer`,
loaded with the idb03 OpenAlex works and, with --with-68k, the 68k papercopilot papers beside
them, in `.kg/neo4j-peer-68k`, which later --with-68k runs reuse: delete it to load afresh):
`kg serve` with its defaults, and the peer of `bench/peer/` (@neo4j/graphql 7 with
graphql-yoga on Node, type definitions for the same labels and relationships; `npm ci` there
first). Equivalent requests, over the 10 best-connected researchers and the 10 largest topics:

  profile        name, works, h-index, 100 co-authors with shared works
  papers         the 20 most cited papers of a researcher with their authors and topics
  topic          a topic with 10 adjacent topics (co-occurrences, weight) and its 10 top papers
  neighbourhood1 a researcher's co-authors, papers and institutions (25 of each)
  neighbourhood2 the same, and the co-authors of each co-author (the peer: 25 per co-author)
  search         full-text search over papers, researchers, topics and institutions

kg's neighbourhood says how many nodes of each type it left out (`truncated`), so the peer's
asks for the same figure, each connection's `totalCount`, and each shown paper's citations
(kg's paper weight). kg's answer still holds more than the peer's: every edge among the
shown nodes, where the peer's tree holds only the edges from the researcher (and, at depth 2,
from each co-author).

Latency: one client, requests alternating between the two servers (which goes first alternates
too), kg's response cache off; p50 / p99 per request and the ratio kg / peer (below 1: kg is
faster). Throughput: 8 client threads sending profile requests for --seconds to one server,
then the other, repeated --rounds times: the peer uncached, kg uncached and kg with its cache
warm. The machine may be shared: every figure is noisy, which is why the calls interleave.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.load import post
from kg import config
from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer
from testkit import database, datasets
from testkit.census import census
from testkit.converters import papercopilot_to_jsonl
from testkit.datasets import IDB03_WORKS, ROOT
from testkit.ports import free_port

PEER_DIR = ROOT / "bench" / "peer"
MEMORY = {"NEO4J_HEAP": "1g", "NEO4J_PAGECACHE": "512m"}
CLIENTS = 8
REQUEST_TIMEOUT = 60.0


@dataclass(frozen=True)
class Request:
    kind: str
    kg: str
    peer: str
    ids: str  # "researchers" or "topics"
    variables: Callable[[str], dict[str, Any]] = lambda i: {"id": i}


REQUESTS = [
    Request("profile", """query ($id: ID!) { researcher(id: $id) { id name
      metrics { works hIndex }
      coauthors(first: 100) { edges { sharedWorks node { id name } } } } }""",
            """query ($id: ID!) { researchers(where: {id: {eq: $id}}) { id name worksCount hIndex
      coauthorsConnection(first: 100, sort: [{edge: {works: DESC}}]) {
        edges { properties { works } node { id name } } } } }""", "researchers"),
    Request("papers", """query ($id: ID!) { researcher(id: $id) {
      papers(first: 20, orderBy: CITATIONS) { edges { node { id title citedByCount
        authors { researcher { id name } } topics { topic { id name } } } } } } }""",
            """query ($id: ID!) { researchers(where: {id: {eq: $id}}) {
      works(limit: 20, sort: [{cited_by_count: DESC}]) { id title cited_by_count
        authors { id name } topics { id name } } } }""", "researchers"),
    Request("topic", """query ($id: ID!) { topic(id: $id) { id name
      adjacentTopics(first: 10) { edges { cooccurrences weight node { id name } } }
      topPapers(first: 10) { id title } } }""",
            """query ($id: ID!) { topics(where: {id: {eq: $id}}) { id name
      adjacentConnection(first: 10, sort: [{edge: {papers: DESC}}]) {
        edges { properties { papers weight } node { id name } } }
      papers(limit: 10, sort: [{cited_by_count: DESC}]) { id title } } }""", "topics"),
    Request("neighbourhood1", """query ($id: ID!) {
      neighbourhood(id: $id, depth: 1, types: [RESEARCHER, PAPER, INSTITUTION],
                    limitPerType: 25) {
        nodes { id type label weight } edges { source target type weight }
        truncated { type remaining } } }""",
            """query ($id: ID!) { researchers(where: {id: {eq: $id}}) { id name
      coauthorsConnection(first: 25, sort: [{edge: {works: DESC}}]) { totalCount
        edges { properties { works } node { id name } } }
      worksConnection(first: 25, sort: [{node: {cited_by_count: DESC}}]) { totalCount
        edges { node { id title cited_by_count } } }
      institutionsConnection(first: 25, sort: [{edge: {works: DESC}}]) { totalCount
        edges { properties { works } node { id name } } } } }""", "researchers"),
    Request("neighbourhood2", """query ($id: ID!) {
      neighbourhood(id: $id, depth: 2, types: [RESEARCHER, PAPER, INSTITUTION],
                    limitPerType: 25) {
        nodes { id type label weight } edges { source target type weight }
        truncated { type remaining } } }""",
            """query ($id: ID!) { researchers(where: {id: {eq: $id}}) { id name
      coauthorsConnection(first: 25, sort: [{edge: {works: DESC}}]) { totalCount
        edges { properties { works } node { id name
          coauthorsConnection(first: 25, sort: [{edge: {works: DESC}}]) { totalCount
            edges { properties { works } node { id name } } } } } }
      worksConnection(first: 25, sort: [{node: {cited_by_count: DESC}}]) { totalCount
        edges { node { id title cited_by_count } } }
      institutionsConnection(first: 25, sort: [{edge: {works: DESC}}]) { totalCount
        edges { properties { works } node { id name } } } } }""", "researchers"),
    Request("search", """query ($q: String!) { search(query: $q, first: 10) {
      id type label score } }""",
            """query ($q: String!) { search(query: $q, first: 10) { __typename
      ... on Paper { id title } ... on Researcher { id name } ... on Topic { id name }
      ... on Institution { id name } } }""", "words", lambda w: {"q": w}),
]
WORDS = ["carbonate", "reservoir", "seismic", "basin", "diagenesis", "porosity", "fault",
         "learning", "sandstone", "geochemistry"]


@contextmanager
def peer_database(with_68k: bool) -> Iterator[Settings]:
    base = config.from_env({**MEMORY, **os.environ})
    if os.environ.get("NEO4J_URI"):
        load(base, with_68k)
        yield base
        return
    settings = database.on_free_ports(base)
    home = base.state_dir / ("neo4j-peer-68k" if with_68k else "neo4j-peer")
    print(f"starting Neo4j at {settings.neo4j_uri}", flush=True)
    if with_68k and (home / "data" / "databases").is_dir():
        # loading the 68k papers takes 15-20 minutes: a home a previous run loaded is reused
        with kept_server(settings, home):
            load(settings, with_68k)
            yield settings
        return
    with database.scratch_server(settings, home):
        load(settings, with_68k)
        yield settings


@contextmanager
def kept_server(settings: Settings, home: Path) -> Iterator[None]:
    """The local server of `home` with the data it holds, stopped at the end."""
    server = LocalServer(settings, home=home)
    server.stop()
    server.start()
    try:
        wait_until_ready(settings)
        yield
    finally:
        server.stop()


def load(settings: Settings, with_68k: bool) -> None:
    with database.connect(settings) as graph:
        schema.apply(graph)
        if census(graph).get("papers"):
            print(f"using the data {settings.neo4j_uri} holds: {census(graph)}", flush=True)
            return
        started = time.monotonic()
        work_dir = settings.state_dir / "bench"
        work_dir.mkdir(parents=True, exist_ok=True)
        ingest_file(graph, IDB03_WORKS, FORMATS["openalex"], settings.batch_size,
                    work_dir / "peer-rejects.jsonl")
        if with_68k:
            converted = work_dir / "papercopilot.jsonl.gz"
            if not converted.exists():
                papercopilot_to_jsonl.write(datasets.papercopilot(), converted)
            ingest_file(graph, converted, FORMATS["jsonl"], settings.batch_size,
                        work_dir / "peer-68k-rejects.jsonl")
        print(f"loaded in {time.monotonic() - started:.0f}s: {census(graph)}", flush=True)


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    return {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password,
            "NEO4J_DATABASE": settings.neo4j_database, **extra}


@contextmanager
def server(name: str, command: list[str], cwd: Path, env: dict[str, str], port: int,
           log: Path) -> Iterator[int]:
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while not _answers(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"{name} did not come up; see {log}")
                time.sleep(0.3)
            yield port
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _answers(port: int) -> bool:
    try:
        post(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "{ __typename }", {})
        return True
    except (OSError, RuntimeError, http.client.HTTPException):
        return False


def kg_server(settings: Settings, cache: bool) -> Any:
    port = free_port()
    # one address sends every request: the per-address rate limit (a protection, not a cost)
    # is off, as in bench/load.py; the defaults otherwise
    # and no plan warm-up: its minute of planning at start would run beside the first rounds
    env = _env(settings, KG_RESPONSE_CACHE_ENTRIES="10000" if cache else "0",
               KG_RATE_LIMIT_ADDRESS="off", KG_WARM_PLAN_SECONDS="0")
    return server("kg serve", [sys.executable, "-m", "kg.cli", "serve", "--port", str(port)],
                  ROOT, env, port, settings.state_dir / "peer-kg.log")


def peer_server(settings: Settings) -> Any:
    if shutil.which("node") is None or not (PEER_DIR / "node_modules").exists():
        raise SystemExit("the peer needs Node 20+ and `npm ci` in bench/peer")
    port = free_port()
    return server("the peer", ["node", "server.js"], PEER_DIR,
                  _env(settings, PEER_PORT=str(port)), port, settings.state_dir / "peer.log")


def ids(settings: Settings) -> dict[str, list[str]]:
    """The 10 best-connected researchers, the 10 topics with most papers, ten words."""
    with Graph.connect(settings) as graph:
        _, people, _ = graph.run_read_only(
            "MATCH (r:Researcher) RETURN r.id AS id ORDER BY COUNT { (r)-[:COAUTHOR]-() } DESC, "
            "r.id LIMIT 10", {}, 60.0, 10, 1 << 20)
        _, topics, _ = graph.run_read_only(
            "MATCH (t:Topic {level: 'topic'}) RETURN t.id AS id "
            "ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC, t.id LIMIT 10", {}, 60.0, 10, 1 << 20)
    return {"researchers": [r["id"] for r in people], "topics": [t["id"] for t in topics],
            "words": WORDS}


def latencies(kg_port: int, peer_port: int, picks: dict[str, list[str]], rounds: int
              ) -> dict[str, dict[str, list[float]]]:
    connections = {side: http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
                   for side, port in (("kg", kg_port), ("peer", peer_port))}
    timings: dict[str, dict[str, list[float]]] = {r.kind: {"kg": [], "peer": []}
                                                  for r in REQUESTS}
    for turn in range(rounds):
        for request in REQUESTS:
            variables = request.variables(picks[request.ids][turn % len(picks[request.ids])])
            sides = ("kg", "peer") if turn % 2 == 0 else ("peer", "kg")
            for side in sides:
                query = request.kg if side == "kg" else request.peer
                started = time.perf_counter()
                post(connections[side], query, variables)
                timings[request.kind][side].append(time.perf_counter() - started)
    return timings


def throughput(port: int, picks: dict[str, list[str]], seconds: float, query: str) -> float:
    done = [0] * CLIENTS
    until = time.monotonic() + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        turn = index
        while time.monotonic() < until:
            people = picks["researchers"]
            post(connection, query, {"id": people[turn % len(people)]})
            turn += 1
            done[index] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=1000, method="inclusive")[round(share * 1000) - 1]


def report_latencies(timings: dict[str, dict[str, list[float]]]) -> None:
    print(f"\n{'request':<16}{'kg p50':>9}{'kg p99':>9}{'peer p50':>10}{'peer p99':>10}"
          f"{'p50 kg/peer':>13}   (ms, one client, kg uncached)")
    for kind, sides in timings.items():
        kg50, peer50 = percentile(sides["kg"], 0.5), percentile(sides["peer"], 0.5)
        print(f"{kind:<16}{kg50 * 1000:>9.1f}{percentile(sides['kg'], 0.99) * 1000:>9.1f}"
              f"{peer50 * 1000:>10.1f}{percentile(sides['peer'], 0.99) * 1000:>10.1f}"
              f"{kg50 / peer50:>13.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--with-68k", action="store_true",
                        help="load the 68k papercopilot papers beside idb03 (../shared/data)")
    parser.add_argument("--rounds", type=int, default=40, help="latency rounds per request")
    parser.add_argument("--seconds", type=float, default=10.0, help="per throughput run")
    parser.add_argument("--repeats", type=int, default=3, help="throughput runs per server")
    args = parser.parse_args(argv)
    with peer_database(args.with_68k) as settings, peer_server(settings) as peer_port:
        picks = ids(settings)
        profile = REQUESTS[0]
        with kg_server(settings, cache=False) as kg_port:
            for request in REQUESTS:  # warm both (plans, page cache, JIT)
                for pick in picks[request.ids]:
                    post(http.client.HTTPConnection("127.0.0.1", kg_port), request.kg,
                         request.variables(pick))
                    post(http.client.HTTPConnection("127.0.0.1", peer_port), request.peer,
                         request.variables(pick))
            report_latencies(latencies(kg_port, peer_port, picks, args.rounds))
            rates: dict[str, list[float]] = {"peer": [], "kg uncached": [], "kg cached": []}
            for _ in range(args.repeats):
                rates["peer"].append(throughput(peer_port, picks, args.seconds, profile.peer))
                rates["kg uncached"].append(throughput(kg_port, picks, args.seconds, profile.kg))
        with kg_server(settings, cache=True) as kg_port:
            throughput(kg_port, picks, 2.0, profile.kg)  # warm the cache
            for _ in range(args.repeats):
                rates["peer"].append(throughput(peer_port, picks, args.seconds, profile.peer))
                rates["kg cached"].append(throughput(kg_port, picks, args.seconds, profile.kg))
    print(f"\nprofile throughput, {CLIENTS} clients, req/s (median of runs; every run):")
    peer = statistics.median(rates["peer"])
    for side, values in rates.items():
        median = statistics.median(values)
        print(f"  {side:<12}{median:>8.0f}  x{median / peer:.2f} of the peer   "
              f"{[round(v) for v in values]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
