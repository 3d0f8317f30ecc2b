"""The hub's depth-2 neighbourhood before and after the bounded depth-2 counts, one command:
`.venv/bin/python -m bench.neighbourhood_ab --home HOME [--baseline REV] [--requests 15]
[--heap 2g] [--pagecache 2g] [--store-tops]`.

Starts the server a previous `bench.scale --keep --home HOME` (or `<home>-idb03`) left in `.kg/`,
as it is, and asks for the depth-2 neighbourhood (25 per type, every type) of the researcher with
the most COAUTHOR edges: `queries/explore/neighbourhood.cypher` of git revision `--baseline`
(default: the last commit before the change) against the current one with the default edge
budget (KG_NEIGHBOURHOOD_EXACT_EDGES), given to both (an older query ignores it). Both answers
must show the same nodes and edges; whether they are equal as a whole is printed. Prints
the PROFILEd database hits of each, then the p50 of the query round trip, old and new
alternated in one process after a warm-up, and the p50 of the whole GraphQL request (schema,
service, Neo4j; no HTTP) with the current code. `--store-tops` first counts every
researcher's stored top co-authors (readmodel/top_coauthors; a graph loaded before they were
stored has none, and the current query then ranks the COAUTHOR edges as the old one does) and
prints how long that took.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import time
from typing import Any

from api.graphql.context import Context
from api.graphql.schema import build_schema
from bench.scale import NEIGHBOURHOOD
from kg import config
from kg.db.graph import Graph
from kg.db.queries import parse_query
from kg.ingest import readmodel
from kg.vocabulary import NODE_TYPES
from testkit import database
from testkit.datasets import ROOT

BASELINE = "27c9289"
QUERY = "queries/explore/neighbourhood.cypher"
WARM_UP = 3


def baseline_text(revision: str) -> str:
    source = subprocess.run(["git", "show", f"{revision}:{QUERY}"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    return parse_query("explore/neighbourhood", source).text


def db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(db_hits(child) for child in plan.get("children", []))


def run(graph: Graph, text: str, params: dict[str, Any],
        profile: bool = False) -> tuple[dict[str, Any], float, int]:
    """One round trip in a read transaction: the row, seconds, and database hits if profiled."""
    def work(tx: Any) -> tuple[dict[str, Any], Any]:
        result = tx.run(("PROFILE " if profile else "") + text, params)
        row = result.single().data()
        return row, result.consume()

    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        started = time.perf_counter()
        row, summary = session.execute_read(work)
        seconds = time.perf_counter() - started
    return row, seconds, db_hits(summary.profile) if profile else 0


def shown(row: dict[str, Any]) -> tuple[list[list[str]], list[str]]:
    return ([[kept["id"] for kept in group["kept"]] for group in row["groups"]],
            sorted(f"{e['source']}-{e['type']}-{e['target']}" for e in row["edges"]))


def graphql_p50(graph: Graph, hub: str, count: int) -> float:
    schema = build_schema(graph.settings)
    times = []
    for i in range(count + WARM_UP):
        context = Context.of(graph, graph.settings, None)
        started = time.perf_counter()
        result = asyncio.run(schema.execute(NEIGHBOURHOOD, variable_values={"id": hub},
                                            context_value=context))
        if result.errors:
            raise RuntimeError(str(result.errors))
        if i >= WARM_UP:
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", required=True, help="server home in .kg/")
    parser.add_argument("--baseline", default=BASELINE, help="git revision of the old query")
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--store-tops", action="store_true",
                        help="count every researcher's top co-authors first")
    args = parser.parse_args(argv)
    base = config.from_env({"NEO4J_HEAP": args.heap, "NEO4J_PAGECACHE": args.pagecache})
    settings = database.on_free_ports(base)
    old = baseline_text(args.baseline)
    new = parse_query("explore/neighbourhood", (ROOT / QUERY).read_text(encoding="utf-8")).text
    with database.scratch_server(settings, base.state_dir / args.home, keep=True), \
            database.connect(settings) as graph:
        if args.store_tops:
            started = time.perf_counter()
            ids = [row["id"] for row in graph.read("derive/all_researcher_ids")]
            readmodel.store_top_coauthors(graph, ids)
            print(f"top co-authors of {len(ids)} researchers stored in "
                  f"{time.perf_counter() - started:.1f} s", flush=True)
        hub = graph.read("most_coauthored_researcher")[0]["id"]
        params = {"id": hub, "depth": 2, "types": list(NODE_TYPES), "cap": 25,
                  "exact_edges": settings.neighbourhood_exact_edges}
        old_row, _, old_hits = run(graph, old, params, profile=True)
        new_row, _, new_hits = run(graph, new, params, profile=True)
        if shown(old_row) != shown(new_row):
            raise RuntimeError("the two queries show different nodes or edges")
        print(f"whole answers equal: {old_row == new_row}", flush=True)
        bounds = ", ".join(f"{g['type']} {g['remaining']}" + ("" if g["exact"] else
                                                               f"-{g['at_most']}")
                           for g in new_row["groups"] if g["at_most"])
        print(f"{args.home}: hub {hub}; left out (new) {bounds}", flush=True)
        print(f"db hits: old {old_hits}, new {new_hits} ({new_hits / old_hits:.2f}x)", flush=True)
        times: dict[str, list[float]] = {"old": [], "new": []}
        for i in range(args.requests + WARM_UP):
            for name, text in (("old", old), ("new", new)):
                seconds = run(graph, text, params)[1]
                if i >= WARM_UP:
                    times[name].append(seconds)
        p50 = {name: statistics.median(values) for name, values in times.items()}
        print(f"query p50, alternated: old {p50['old'] * 1e3:.1f} ms, new "
              f"{p50['new'] * 1e3:.1f} ms ({p50['new'] / p50['old']:.2f}x)", flush=True)
        print(f"GraphQL request p50 (new): {graphql_p50(graph, hub, args.requests) * 1e3:.1f} ms",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
