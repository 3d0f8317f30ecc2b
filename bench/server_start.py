"""Starting and stopping a test server: the JVM options `testkit.database.on_free_ports` gives
test servers against none, in one process, each `--rounds` times on one wiped home (first start,
restart, stop), and one neo4j-admin run (`dbms set-initial-password`, as every fresh home does).

CPU seconds of the server's JVM until Bolt answers, read from /proc, are the figure that holds on a
loaded machine; wall seconds are printed too. Run: `.venv/bin/python -m bench.server_start
[--rounds 2]`. Needs the class-data archive (any test run dumps it) for the archive rows."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import time

from kg import config
from kg.config import Settings
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer
from testkit import database
from testkit.datasets import ROOT

HOME = ROOT / ".kg" / "neo4j-bench-start"
TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def _round(settings: Settings) -> dict[str, float]:
    server = LocalServer(settings, home=HOME)
    server.stop()
    server.wipe()
    figures: dict[str, float] = {}
    started = time.perf_counter()
    server.provision()
    figures["neo4j-admin s"] = time.perf_counter() - started
    for name in ("first start", "restart"):
        started = time.perf_counter()
        server.start()
        wait_until_ready(settings)
        figures[f"{name} s"] = time.perf_counter() - started
        figures[f"{name} cpu s"] = _cpu_seconds(server.status().pid)
        started = time.perf_counter()
        server.stop()
        figures["stop s"] = time.perf_counter() - started
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    base = config.from_env()
    variants = {
        "production options": dataclasses.replace(database.on_free_ports(base),
                                                  neo4j_jvm_options=""),
        "archive (session server)": database.on_free_ports(base),
        "archive + C1 (brief servers)": database.on_free_ports(base, brief=True),
    }
    results: dict[str, dict[str, float]] = {}
    try:
        for name, settings in variants.items():
            rounds = [_round(settings) for _ in range(args.rounds)]
            results[name] = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
            print(f"{name} [{settings.neo4j_jvm_options}]", flush=True)
    finally:
        shutil.rmtree(HOME, ignore_errors=True)
    baseline = results["production options"]
    keys = list(baseline)
    print("| options | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for name, figures in results.items():
        cells = [f"{figures[k]:.1f} ({figures[k] / baseline[k]:.2f}x)" for k in keys]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
