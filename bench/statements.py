"""The Neo4j side of each bench.peer request, kg's statements against the peer's:
`.venv/bin/python -m bench.statements [--rounds 30] [--against REV]`.

NEO4J_URI must name a Neo4j loaded as bench.peer loads it (idb03; `.kg/neo4j-peer` of a bench.peer
run, started with `kg db start` or a LocalServer on that home). For each request of bench.peer over
the best-connected researcher and the largest topic (search: one word):

- kg's statements are recorded from the app in-process (`create_app`, response cache off): the
  text and parameters of every statement it sends (`_pipelined` and `Transaction.run`);
- the peer's are read from @neo4j/graphql's debug output (`DEBUG=@neo4j/graphql:execution`) of
  the bench/peer server answering the same request;
- each statement is PROFILEd once (rows, dbHits), then every statement of both sides is run
  --rounds times, alternating, on one session: Neo4j's server time from the result summary
  (result_available_after + result_consumed_after) and the client's wall time of the run with
  its rows read and decoded by the driver (the decoding is CPU of kg's process).

With --against REV, kg's statements are also run as REV's queries/ had them (same names, same
parameters), alternating with the current ones: before/after on the same Neo4j, their rows
compared (a neighbourhood's edges as a set: the service sorts them). Medians are printed; the
load average is printed beside them.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from api.app import create_app
from bench import peer
from bench.load import post
from kg import config
from kg.config import Settings
from kg.db import async_reads
from kg.db import graph as graph_module
from kg.db.graph import Graph, Transaction
from kg.db.queries import QueryLibrary
from testkit.datasets import ROOT


@dataclass
class Statement:
    side: str  # "kg", "kg before", "peer"
    name: str
    text: str
    params: dict[str, Any]
    rows: int = 0
    answer: str = ""  # the rows as JSON, to compare a statement before and after
    db_hits: int = 0
    server: list[float] = field(default_factory=list)  # ms
    client: list[float] = field(default_factory=list)  # ms


@contextmanager
def recorded(into: list[tuple[str, dict[str, Any]]]) -> Iterator[None]:
    """Every statement the app sends while inside, as (text, parameters): pipelined (awaited or
    on a worker thread) or one at a time."""
    pipelined, run = graph_module._pipelined, Transaction.run
    awaited = async_reads._pipelined

    def recording_pipelined(session: Any, statements: list[tuple[str, dict[str, Any]]],
                            translated: Any) -> Any:
        into.extend(statements)
        return pipelined(session, statements, translated)

    async def recording_awaited(session: Any, statements: list[tuple[str, dict[str, Any]]],
                                translated: Any) -> Any:
        into.extend(statements)
        return await awaited(session, statements, translated)

    def recording_run(self: Transaction, name: str, /, **params: Any) -> Any:
        into.append((self._graph.queries[name].text, params))
        return run(self, name, **params)

    graph_module._pipelined = recording_pipelined
    async_reads._pipelined = recording_awaited
    Transaction.run = recording_run  # type: ignore[method-assign]
    try:
        yield
    finally:
        graph_module._pipelined = pipelined
        async_reads._pipelined = awaited
        Transaction.run = run  # type: ignore[method-assign]


# The statement REV ran in place of a current one, and the values of parameters REV's takes that
# the current one does not (explore/neighbourhood took `depth` and did depth 1 too). Rows of
# another shape are reported as such (bench.neighbourhood_same compares the answers).
EARLIER = {"explore/neighbourhood_near": ("explore/neighbourhood",
                                          {"depth": 1, "exact_edges": 20000}),
           "explore/neighbourhood": ("explore/neighbourhood", {"depth": 2})}


def kg_statements(settings: Settings, kind: str, variables: dict[str, Any],
                  library: QueryLibrary) -> list[Statement]:
    request = next(r for r in peer.REQUESTS if r.kind == kind)
    by_text = {library[name].text: name for name in library.names()}
    sent: list[tuple[str, dict[str, Any]]] = []
    uncached = Settings(**{**settings.__dict__, "response_cache_entries": 0})
    with TestClient(create_app(uncached)) as client:
        body = client.post("/graphql", json={"query": request.kg, "variables": variables}).json()
        if body.get("errors"):
            raise SystemExit(f"kg answered {kind} with errors: {body['errors'][:1]}")
        with recorded(sent):
            client.post("/graphql", json={"query": request.kg, "variables": variables})
    return [Statement("kg", by_text.get(text, "?"), text, params)
            for text, params in sent if by_text.get(text) != "admin/graph_version"]


_CYPHER = re.compile(r"@neo4j/graphql:execution CYPHER 5\n(.*?)\n\S+ @neo4j/graphql:execution "
                     r"cypher params: (.*?)\n\S+ @neo4j/graphql:execution", re.S)


def peer_statements(log: Path, since: int) -> list[Statement]:
    text = log.read_text(encoding="utf-8", errors="replace")[since:]
    found = []
    for cypher, params in _CYPHER.findall(text):
        if "dbms.components" in cypher:
            continue
        found.append(Statement("peer", "peer", cypher, _js_object(params)))
    return found


def _js_object(text: str) -> dict[str, Any]:
    """The parameters @neo4j/graphql's debug output prints (a JavaScript object literal)."""
    text = re.sub(r"Integer \{ low: (-?\d+), high: 0 \}", r"\1", text)
    text = re.sub(r"([{,]\s*)([A-Za-z_][A-Za-z0-9_]*):", r'\1"\2":', text)
    text = re.sub(r"'((?:[^'\\]|\\.)*)'", lambda m: json.dumps(m.group(1)), text)
    return json.loads(text)


def unordered_edges(row: dict[str, Any]) -> dict[str, Any]:
    """The row with an `edges` list in a fixed order: explore/neighbourhood's edges are a set
    (kg/neighbourhood.py sorts them by id), so their order in the row is no part of the answer."""
    if not isinstance(row.get("edges"), list):
        return row
    return {**row, "edges": sorted(row["edges"], key=lambda e: json.dumps(e, sort_keys=True))}


def profiled(session: Any, statement: Statement) -> None:
    result = session.run("PROFILE " + statement.text, statement.params)
    rows = [record.data() for record in result]
    statement.rows = len(rows)
    statement.answer = json.dumps([unordered_edges(row) for row in rows], sort_keys=True,
                                  default=str)
    hits = 0

    def visit(node: dict[str, Any]) -> None:
        nonlocal hits
        hits += int(node.get("dbHits", 0))
        for child in node.get("children", []):
            visit(child)

    visit(result.consume().profile)
    statement.db_hits = hits


def timed(session: Any, statement: Statement) -> None:
    started = time.perf_counter()
    result = session.run(statement.text, statement.params)
    list(result)
    summary = result.consume()
    statement.client.append((time.perf_counter() - started) * 1000)
    statement.server.append(summary.result_available_after + summary.result_consumed_after)


def middle(values: list[float]) -> float:
    """The mean of the middle half: below a millisecond apart, yet not moved by a stray pause."""
    ordered = sorted(values)
    quarter = len(ordered) // 4
    return statistics.mean(ordered[quarter:len(ordered) - quarter])


def old_library(rev: str) -> QueryLibrary:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "queries"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory(prefix="bench-statements-") as scratch:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(scratch, filter="data")
        return QueryLibrary(Path(scratch) / "queries")  # read whole at start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--against", help="a git revision whose queries/ to run beside")
    parser.add_argument("--only", nargs="*", help="request kinds (default: all but search)")
    parser.add_argument("--parameters", action="store_true",
                        help="print each statement's parameters under it")
    args = parser.parse_args(argv)
    settings = config.from_env()
    if not os.environ.get("NEO4J_URI"):
        raise SystemExit("set NEO4J_URI to a Neo4j loaded as bench.peer loads it")
    library = QueryLibrary()
    before = old_library(args.against) if args.against else None
    picks = peer.ids(settings)
    kinds = args.only or [r.kind for r in peer.REQUESTS if r.kind != "search"]
    os.environ["DEBUG"] = "@neo4j/graphql:execution"
    plan: dict[str, list[Statement]] = {}
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    with peer.peer_server(settings) as peer_port:
        log = settings.state_dir / "peer.log"
        for kind in kinds:
            request = next(r for r in peer.REQUESTS if r.kind == kind)
            variables = request.variables(picks[request.ids][0])
            statements = kg_statements(settings, kind, variables, library)
            if before is not None:
                for s in list(statements):
                    name, extra = EARLIER.get(s.name, (s.name, {}))
                    name = s.name if s.name in before else name
                    if name in before:
                        old = before[name]
                        params = {**s.params, **{k: v for k, v in extra.items()
                                                 if k in old.parameters and k not in s.params}}
                        statements.append(Statement("kg before", s.name, old.text, params))
            since = log.stat().st_size
            post(http.client.HTTPConnection("127.0.0.1", peer_port), request.peer, variables)
            time.sleep(0.5)  # the debug output is written after the answer
            statements += peer_statements(log, since)
            plan[kind] = statements
    with Graph.connect(settings) as graph, graph.driver.session(
            database=settings.neo4j_database) as session:
        for statements in plan.values():
            for s in statements:
                profiled(session, s)
                timed(session, s)  # warm
        for _ in range(args.rounds):
            for statements in plan.values():
                for s in statements:
                    timed(session, s)
    print(f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}; "
          f"{args.rounds} rounds; server = available + consumed (ms, mean of the middle half: "
          f"the server counts whole ms); client = the driver's wall with rows decoded (ms, median)")
    print(f"{'request':<15}{'side':<10}{'statement':<55}{'rows':>5}{'dbHits':>8}"
          f"{'server':>8}{'client':>8}")
    for kind, statements in plan.items():
        for side in ("kg", "kg before", "peer"):
            mine = [s for s in statements if s.side == side]
            if not mine:
                continue
            for s in mine:
                same = ""
                if side == "kg before":
                    now = next(n for n in statements if n.side == "kg" and n.name == s.name)
                    same = ("  same rows" if now.answer == s.answer
                            else "  rows of another shape" if s.name in EARLIER
                            else "  ROWS DIFFER")
                print(f"{kind:<15}{side:<10}{s.name:<55}{s.rows:>5}{s.db_hits:>8}"
                      f"{middle(s.server):>8.1f}{statistics.median(s.client):>8.2f}"
                      f"{same}")
                if args.parameters:
                    print(f"{'':<25}{json.dumps(s.params, default=str)[:200]}")
            if len(mine) > 1:
                print(f"{kind:<15}{side:<10}{'(sum)':<55}{sum(s.rows for s in mine):>5}"
                      f"{sum(s.db_hits for s in mine):>8}"
                      f"{sum(middle(s.server) for s in mine):>8.1f}"
                      f"{sum(statistics.median(s.client) for s in mine):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
