"""`ingest/waiting_papers` as it is against a git revision's, on the same Neo4j:
`NEO4J_URI=... .venv/bin/python -m bench.waiting_papers --against REV [--rounds 10] [--ids 1000]`.

NEO4J_URI must name a Neo4j holding papers that wait for references (idb03 as bench.peer loads
it: ~1,700 papers wait for ~80,000 references outside the set). Each round asks both texts, in
alternating order, for the same `--ids` ids (half references some paper waits for, half ids of
papers in the graph, as a batch of an ingest asks), read-only; the answers are compared (each
waiting paper with the set of ids it waits for). Prints medians of the client's wall time (rows
read) and the ratio now / REV with the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from typing import Any

from neo4j import GraphDatabase

from bench.statements import old_library
from kg import config
from kg.db.queries import QueryLibrary

NAME = "ingest/waiting_papers"


def answer(rows: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Each waiting paper with the ids it waits for (REV may return a paper once per chunk)."""
    waiting: dict[str, set[str]] = {}
    for row in rows:
        waiting.setdefault(row["citing"], set()).update(row["cited"])
    return waiting


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="a git revision whose query to run beside")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--ids", type=int, default=1000)
    args = parser.parse_args(argv)
    if not os.environ.get("NEO4J_URI"):
        raise SystemExit("set NEO4J_URI to a Neo4j holding papers that wait for references")
    settings = config.from_env()
    texts = {"now": QueryLibrary()[NAME].text, args.against: old_library(args.against)[NAME].text}
    seconds: dict[str, list[float]] = {side: [] for side in texts}
    found: list[int] = []
    picks = random.Random(7)
    with GraphDatabase.driver(settings.neo4j_uri,
                              auth=(settings.neo4j_user, settings.neo4j_password)) as driver:
        refs = [r["ref"] for r in driver.execute_query(
            "MATCH (p:Paper) WHERE p.pending_refs IS NOT NULL UNWIND p.pending_refs AS ref "
            "RETURN DISTINCT ref LIMIT 20000").records]
        ids = [r["id"] for r in driver.execute_query(
            "MATCH (p:Paper) RETURN p.id AS id LIMIT 20000").records]
        if len(refs) < args.ids // 2 or len(ids) < args.ids // 2:
            raise SystemExit("too few waiting references or papers in the graph for --ids")
        with driver.session(database=settings.neo4j_database) as session:
            for round_ in range(args.rounds + 1):
                asked = picks.sample(refs, args.ids // 2) + picks.sample(ids, args.ids // 2)
                answers = {}
                for side in sorted(texts, reverse=round_ % 2 == 1):
                    started = time.perf_counter()
                    answers[side] = answer(
                        [r.data() for r in session.run(texts[side], paper_ids=asked)])
                    if round_:  # the first round plans both texts
                        seconds[side].append(time.perf_counter() - started)
                if answers["now"] != answers[args.against]:
                    raise SystemExit(f"round {round_}: the answers differ")
                found.append(len(answers["now"]))
    now, old = (statistics.median(seconds[side]) * 1000 for side in ("now", args.against))
    print(f"{NAME}, {args.ids} ids a call, {statistics.median(found):.0f} waiting papers found "
          f"(median), {args.rounds} rounds, same answers: now {now:.0f} ms, {args.against} "
          f"{old:.0f} ms, now/{args.against} {now / old:.2f}; load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
