"""The neighbourhood's answers with this revision's queries and code against another's, case by
case: `NEO4J_URI=... .venv/bin/python -m bench.neighbourhood_same [--against main] [--centres 3]`.

Over a loaded graph (idb03 as bench.peer loads it, say), for the best-connected nodes of each
kind (testkit/queries/best_connected_of_each_kind.cypher, --centres of each), depth 1 and 2, five
type sets, caps 5 and 25, and at depth 2 the exact-edge budget at the setting and at 50 (bounds
past it), it calls REV's `kg/neighbourhood.py` with REV's `queries/` and the current one with
the current queries (the rows' shape may differ between them) and compares the whole answers:
every node in order, its type, label and weight, every edge with its weight, every left-out
count, bound and flag. Prints the number of cases and
each one that differs; exits 1 if any does. A proof that a rewrite keeps the answers, not a timing.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from bench.statements import old_library
from kg import config
from kg.db.graph import Graph
from kg.neighbourhood import neighbourhood
from testkit.database import query_library
from testkit.datasets import ROOT

TYPE_SETS = [None, ["RESEARCHER", "PAPER", "INSTITUTION"], ["PAPER", "TOPIC"],
             ["RESEARCHER"], ["TOPIC", "SOURCE", "INSTITUTION"]]
def cases(ids: list[str], budget: int) -> list[dict[str, Any]]:
    return [{"node_id": c, "depth": depth, "types": types, "limit_per_type": cap,
             "exact_edges": edges}
            for c in ids for depth in (1, 2) for types in TYPE_SETS for cap in (5, 25)
            for edges in ((budget,) if depth == 1 else (budget, 50))]


def old_neighbourhood(rev: str) -> Callable[..., Any]:
    """REV's `kg.neighbourhood.neighbourhood`, run with this tree's other modules."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:kg/neighbourhood.py"],
                            check=True, capture_output=True, text=True).stdout
    module = ModuleType("neighbourhood_before")
    sys.modules[module.__name__] = module  # its dataclasses look their module up
    exec(compile(source, f"{rev}:kg/neighbourhood.py", "exec"), module.__dict__)
    return module.neighbourhood


def answer(graph: Graph, service: Callable[..., Any], case: dict[str, Any]) -> Any:
    asked = {k: v for k, v in case.items() if k != "exact_edges"}
    graph.settings = dataclasses.replace(graph.settings,
                                         neighbourhood_exact_edges=case["exact_edges"])
    return plain(service(graph, **asked))


def plain(value: Any) -> Any:
    """Dataclasses and named tuples as dicts, tuples as lists: answers of either revision's
    classes compare by their fields."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: plain(getattr(value, name)) for name in value._fields}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="main",
                        help="git revision of the old queries/ and kg/neighbourhood.py")
    parser.add_argument("--centres", type=int, default=3, help="nodes of each kind")
    args = parser.parse_args(argv)
    if not os.environ.get("NEO4J_URI"):
        raise SystemExit("set NEO4J_URI to a loaded Neo4j")
    settings = config.from_env()
    with Graph.connect(settings, query_library()) as new, \
            Graph.connect(settings, old_library(args.against)) as old:
        ids = [row["id"] for row in new.read("best_connected_of_each_kind", count=args.centres)]
        asked = cases(ids, settings.neighbourhood_exact_edges)
        before = old_neighbourhood(args.against)
        differ = 0
        for case in asked:
            if answer(old, before, case) != answer(new, neighbourhood, case):
                differ += 1
                print(f"differs: {case}", flush=True)
    print(f"{len(asked)} cases, {differ} differ ({args.against} against the working tree)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
