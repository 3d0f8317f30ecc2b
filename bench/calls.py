"""Python function calls per answer, counted in one process (run by bench.cpu with the code to
count on PYTHONPATH): each request of bench.peer executed `--requests` times through the schema
(no HTTP), after a warm-up, with a profile hook on the event loop (where the rounds' reads
are awaited, kg/db/async_reads.py) counting Python calls and C calls. Printed as one line of
JSON, {request: [python, c]} per answer. Deterministic where CPU time on a shared machine is
not: a proxy for the Python work, which leaves out the HTTP server, the driver's native code
and the kernel."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from api.graphql.context import Context
from api.graphql.schema import build_schema
from bench.peer import REQUESTS, ids
from kg import config
from kg.db.async_reads import AsyncReads
from kg.db.graph import Graph

WARM_UP = 10


class Counter:
    def __init__(self) -> None:
        self.python = 0
        self.c = 0
        self.on = False

    def __call__(self, frame: Any, event: str, arg: Any) -> None:
        if event == "call":
            self.python += 1
        elif event == "c_call":
            self.c += 1


async def count(graph: Graph, requests: int) -> dict[str, list[float]]:
    settings = graph.settings
    schema = build_schema(settings)
    picks = ids(settings)
    counter = Counter()
    reads = AsyncReads(graph)
    counts: dict[str, list[float]] = {}
    for request in REQUESTS:
        chosen = picks[request.ids]

        async def answer(turn: int, chosen: list[str] = chosen, request: Any = request) -> None:
            result = await schema.execute(
                request.kg, variable_values=request.variables(chosen[turn % len(chosen)]),
                context_value=Context.of(graph, settings, None, reads))
            if result.errors:
                raise RuntimeError(f"{request.kind}: {result.errors[0]}")

        for turn in range(WARM_UP):
            await answer(turn)
        counter.python = counter.c = 0
        counter.on = True
        sys.setprofile(counter)
        for turn in range(requests):
            await answer(turn)
        sys.setprofile(None)
        counter.on = False
        counts[request.kind] = [counter.python / requests, counter.c / requests]
    await reads.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    with Graph.connect(config.from_env()) as graph:
        print(json.dumps(asyncio.run(count(graph, args.requests))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
