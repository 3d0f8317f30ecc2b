"""The first request after a Neo4j restart, with and without the API's plan warm-up:
`.venv/bin/python -m bench.plan_warmup [--rounds 2]`.

idb03 is loaded once into a scratch server of the bench's own (`<state>/neo4j-warmup`, wiped
first); then, per round, the server is restarted twice, the plans warmed (kg/db/warmup.py)
after one restart and not after the other, and the biggest hub's depth-2 neighbourhood asked
twice through the service. Printed: the warm-up's time, the first and second neighbourhood of
each, and the ratio of the first ones (the machine may be shared: read the ratios in one round).
"""

from __future__ import annotations

import argparse
import logging
import time

from kg import config
from kg.db import schema
from kg.db.graph import Graph
from kg.db.warmup import warm_plans
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.neighbourhood import neighbourhood
from testkit import database
from testkit.api_queries import HUB
from testkit.datasets import IDB03_WORKS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # unknown-property notices
    settings = database.on_free_ports(config.from_env())
    home = settings.state_dir / "neo4j-warmup"
    with database.scratch_server(settings, home), Graph.connect(settings) as graph:
        schema.apply(graph)
        ingest_file(graph, IDB03_WORKS, FORMATS["openalex"], settings.batch_size,
                    settings.state_dir / "warmup-rejects.jsonl")
    for round_ in range(1, args.rounds + 1):
        first: dict[bool, float] = {}
        for warm in (True, False):
            with database.scratch_server(settings, home, keep=True), \
                    Graph.connect(settings) as graph:
                if warm:
                    warmed = warm_plans(graph.driver, settings, graph.queries)
                    print(f"round {round_}: warm-up {len(warmed.planned)} queries in "
                          f"{warmed.seconds:.1f} s, refused {warmed.failed or 'none'}",
                          flush=True)
                times = []
                for _ in range(2):
                    started = time.perf_counter()
                    neighbourhood(graph, HUB, depth=2)
                    times.append(time.perf_counter() - started)
                first[warm] = times[0]
                print(f"round {round_}: {'warmed' if warm else 'not warmed':>10}: first "
                      f"depth-2 neighbourhood {times[0]:.2f} s, second {times[1]:.2f} s",
                      flush=True)
        print(f"round {round_}: first request warmed / not warmed = "
              f"{first[True] / first[False]:.3f}", flush=True)


if __name__ == "__main__":
    main()
