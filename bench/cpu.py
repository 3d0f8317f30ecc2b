"""The Python CPU of an uncached answer (or, `--cached`, of a cache hit), this code against a
baseline, one command: `.venv/bin/python -m bench.cpu [--baseline main] [--seconds 5]
[--rounds 3] [--workers 1] [--cached]`.

Two `kg serve` processes over the same Neo4j (bench.peer's scratch server with idb03, or the
one `NEO4J_URI` names), response cache (unless `--cached`) and address rate limit off: this
worktree's code, and
the code of `--baseline` (a git revision, exported with `git archive` into a scratch folder and
run with the same .venv). For each request of bench.peer (profile, papers, topic,
neighbourhood1, neighbourhood2, search), `--rounds` times, each server in turn (which goes
first alternates) gets 8 clients for `--seconds`; the server's process CPU (user + system,
from /proc, its children included when `--workers` > 1) over the requests it answered is its
CPU per request. Printed: the medians per request, new / old, and the requests per second.
Before that, every answer of both servers to each request over its ten ids is compared
(sha256 of the bodies): the bench stops when they differ; and, for each code, the Python
function calls per answer (bench/calls.py, in a process of its own: deterministic where CPU
time on a shared machine moves by 20% between runs of the same code).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.peer import REQUESTS, Request, _env, ids, peer_database, server
from kg.config import Settings
from testkit.datasets import ROOT
from testkit.ports import free_port

CLIENTS = 8
TIMEOUT = 60.0


@contextmanager
def baseline_code(revision: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="kg-bench-cpu-") as scratch:
        archive = subprocess.run(["git", "archive", revision], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", scratch], input=archive, check=True)
        yield Path(scratch)


def kg_server(settings: Settings, code: Path, workers: int, log: Path, cached: bool) -> Any:
    port = free_port()
    env = _env(settings, KG_RATE_LIMIT_ADDRESS="off", PYTHONPATH=str(code),
               **({} if cached else {"KG_RESPONSE_CACHE_ENTRIES": "0"}))
    return server(f"kg serve ({code})",
                  [sys.executable, "-m", "kg.cli", "serve", "--port", str(port),
                   "--workers", str(workers)], code, env, port, log)


def body(connection: http.client.HTTPConnection, query: str, variables: dict[str, Any]
         ) -> bytes:
    connection.request("POST", "/graphql", json.dumps({"query": query, "variables": variables}),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = response.read()
    if response.status != 200 or b'"errors"' in payload:
        raise RuntimeError(f"HTTP {response.status}: {payload[:300]!r}")
    return payload


def digests(port: int, request: Request, picks: list[str]) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    return [hashlib.sha256(body(connection, request.kg, request.variables(p))).hexdigest()
            for p in picks]


def calls(settings: Settings, code: Path) -> dict[str, list[float]]:
    # run by path with the code's folder first on sys.path (the baseline has no bench/calls.py)
    runner = f"import runpy; runpy.run_path({str(ROOT / 'bench' / 'calls.py')!r}, " \
             "run_name='__main__')"
    counted = subprocess.run([sys.executable, "-c", runner], cwd=code,
                             env=_env(settings, PYTHONPATH=str(code)), check=True,
                             capture_output=True, text=True).stdout
    return json.loads(counted.strip().splitlines()[-1])


def _pid_of_port(port: int) -> int:
    """The process listening on the port (uvicorn's own with one worker; its parent with more,
    whose children are counted with it)."""
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
                inode = fields[9]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                    return int(pid)
        except OSError:
            continue
    raise RuntimeError(f"nothing listens on port {port}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the process and its threads, and of its live children."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(c) for c in children.read_text().split()]
    for each in pids:
        fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def load(port: int, request: Request, picks: list[str], seconds: float) -> int:
    done = [0] * CLIENTS
    until = time.monotonic() + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        turn = index
        while time.monotonic() < until:
            body(connection, request.kg, request.variables(picks[turn % len(picks)]))
            turn += 1
            done[index] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done)


def print_calls(settings: Settings, old_code: Path, requests: list[Request]) -> None:
    old_calls, new_calls = calls(settings, old_code), calls(settings, ROOT)
    print("\nPython calls per answer (Python functions + C functions, event loop and the "
          "rounds' threads):")
    print(f"{'request':<16}{'old':>14}{'new':>14}{'new/old':>9}")
    for request in requests:
        old_n, new_n = old_calls[request.kind], new_calls[request.kind]
        print(f"{request.kind:<16}{old_n[0]:>7.0f}+{old_n[1]:<6.0f}{new_n[0]:>7.0f}+"
              f"{new_n[1]:<6.0f}{sum(new_n) / sum(old_n):>9.2f}", flush=True)


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="git revision of the old code")
    parser.add_argument("--seconds", type=float, default=5.0, help="per server, request, round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="kg serve --workers")
    parser.add_argument("--only", nargs="*", help="request kinds (default: all)")
    parser.add_argument("--cached", action="store_true",
                        help="keep both servers' response caches on: every request after the "
                             "answers' comparison is a cache hit (no call counts)")
    parser.add_argument("--py-spy", type=Path, metavar="DIR",
                        help="then record the new server under each request with py-spy "
                             "(collapsed stacks, GIL holder only) into DIR/<request>.txt")
    args = parser.parse_args(argv)
    requests = [r for r in REQUESTS if not args.only or r.kind in args.only]
    with peer_database(False) as settings, baseline_code(args.baseline) as old_code, \
            kg_server(settings, old_code, args.workers,
                      settings.state_dir / "cpu-old.log", args.cached) as old_port, \
            kg_server(settings, ROOT, args.workers,
                      settings.state_dir / "cpu-new.log", args.cached) as new_port:
        picks = ids(settings)
        ports = {"old": old_port, "new": new_port}
        pids = {side: _pid_of_port(port) for side, port in ports.items()}
        for request in requests:
            chosen = picks[request.ids]
            old, new = digests(old_port, request, chosen), digests(new_port, request, chosen)
            if old != new:
                print(f"{request.kind}: the answers differ", file=sys.stderr)
                return 1
            print(f"{request.kind}: {len(chosen)} answers byte-identical", flush=True)
        if not args.cached:
            print_calls(settings, old_code, requests)
        print(f"\nCPU per request ({CLIENTS} clients, {args.seconds:g} s, {args.rounds} rounds, "
              f"--workers {args.workers}{', cached' if args.cached else ''}; "
              f"old = {args.baseline}):")
        print(f"{'request':<16}{'old ms':>8}{'new ms':>8}{'new/old':>9}{'old r/s':>9}"
              f"{'new r/s':>9}  load")
        for request in requests:
            cpu: dict[str, list[float]] = {"old": [], "new": []}
            rate: dict[str, list[float]] = {"old": [], "new": []}
            loads = []
            for turn in range(args.rounds):
                for side in ("old", "new") if turn % 2 == 0 else ("new", "old"):
                    before = cpu_seconds(pids[side])
                    started = time.monotonic()
                    answered = load(ports[side], request, picks[request.ids], args.seconds)
                    elapsed = time.monotonic() - started
                    cpu[side].append((cpu_seconds(pids[side]) - before) / answered * 1000)
                    rate[side].append(answered / elapsed)
                    loads.append(loadavg())
            old_ms, new_ms = statistics.median(cpu["old"]), statistics.median(cpu["new"])
            print(f"{request.kind:<16}{old_ms:>8.2f}{new_ms:>8.2f}{new_ms / old_ms:>9.2f}"
                  f"{statistics.median(rate['old']):>9.0f}{statistics.median(rate['new']):>9.0f}"
                  f"  {min(loads)}-{max(loads)}", flush=True)
        if args.py_spy:
            for request in requests:
                record(pids["new"], new_port, request, picks[request.ids], args.seconds,
                       args.py_spy)
    return 0


def record(pid: int, port: int, request: Request, picks: list[str], seconds: float,
           folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{request.kind}.txt"
    spy = subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), "record", "--pid",
                            str(pid), "--rate", "250", "--duration", str(round(seconds)),
                            "--gil", "--nonblocking", "--format", "raw", "--output", str(out)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    answered = load(port, request, picks, seconds + 1)
    spy.wait()
    print(f"py-spy: {out} ({answered} requests)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
