"""`kg serve` in a subprocess under the multiplied-cost probe of the issue (30 aliases of three
nested `coauthors(first: 100)`, three at once, no token) and the heaviest answers the anonymous
budget lets through: /healthz and /readyz keep answering within a second, the probe is refused,
and the server's memory stays bounded. The figures are printed (`-s`) for docs/benchmarks.md."""

from __future__ import annotations

import json
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg import accounts
from kg.config import Settings
from kg.db.graph import Graph
from testkit.ports import free_port
from tests.integration.kg_process import kg_command, kg_env
from tests.reliability.test_cost_budget import ATTACK

# 11 x (3 + 100 x (1 + 1 + 20)) = 24,233 within the anonymous budget of 25,000: abstracts are
# the longest values per unit of cost, so this is the largest kind of answer without a token.
HEAVIEST = "{ " + " ".join(
    f'a{i}: researcher(id: "A5085007251") {{ papers(first: 100) {{ edges {{ node {{ '
    "title abstract } } } }" for i in range(11)) + " }"

# 30 x 2,203 = 66,090 within the authenticated budget of 100,000.
HEAVIEST_WITH_A_TOKEN = "{ " + " ".join(
    f'a{i}: researcher(id: "A5085007251") {{ papers(first: 100) {{ edges {{ node {{ '
    "title abstract } } } }" for i in range(30)) + " }"

PROBE_SECONDS = 20
HEALTH_BOUND = 1.0


def _post(url: str, document: str, token: str | None = None,
          timeout: float = 120) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url + "/graphql", json.dumps({"query": document}).encode(),
                                     headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _timed_get(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return time.perf_counter() - started, status


def _peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_health_answers_within_a_second_while_heavy_requests_run(
    idb03_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    _, token = accounts.create_user(idb03_graph, "load@example.org", "Load")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**kg_env(settings, tmp_path), "KG_RATE_LIMIT_ADDRESS": "off"}
    with open(tmp_path / "serve.log", "w") as log:
        server = subprocess.Popen(kg_command("serve", "--host", "127.0.0.1", "--port", str(port)),
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _timed_get(url + "/readyz")[1] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "kg serve did not start"
            time.sleep(0.2)
        idle_mb = _peak_memory_mb(server.pid)

        stop = time.monotonic() + PROBE_SECONDS
        answers: list[tuple[str, int, int, float]] = []
        wrong: list[bytes] = []

        def hammer(kind: str, document: str, token: str | None = None) -> None:
            # Little Python work per answer (no JSON decoding): the clients share this
            # process's GIL with the thread that times the health checks.
            expected = b'"QUERY_TOO_COMPLEX"' if kind == "probe" else b'{"data":{"a0"'
            while time.monotonic() < stop:
                started = time.perf_counter()
                status, body = _post(url, document, token)
                answers.append((kind, status, len(body), time.perf_counter() - started))
                if expected not in body[:300] or b'"errors"' in body[-300:] and kind != "probe":
                    wrong.append(body[:300])

        workers = [threading.Thread(target=hammer, args=("probe", ATTACK)) for _ in range(3)]
        workers += [threading.Thread(target=hammer, args=("heaviest", HEAVIEST))
                    for _ in range(3)]
        workers.append(threading.Thread(target=hammer, args=(
            "heaviest with a token", HEAVIEST_WITH_A_TOKEN, token)))
        for worker in workers:
            worker.start()
        health: list[tuple[str, float, int]] = []
        while time.monotonic() < stop:
            for path in ("/healthz", "/readyz"):
                seconds, status = _timed_get(url + path)
                health.append((path, seconds, status))
            time.sleep(0.2)
        for worker in workers:
            worker.join(timeout=180)
        assert not any(worker.is_alive() for worker in workers)
        peak_mb = _peak_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
        idb03_graph.driver.execute_query(
            "MATCH (u:User {email: 'load@example.org'}) DETACH DELETE u")

    assert not wrong, wrong[:3]
    heaviest = [a for a in answers if a[0] == "heaviest"]
    with_token = [a for a in answers if a[0] == "heaviest with a token"]
    probes = [a for a in answers if a[0] == "probe"]
    times = {path: sorted(s for p, s, _ in health if p == path) for path in ("/healthz", "/readyz")}
    slowest = {path: seconds[-1] for path, seconds in times.items()}
    median = {path: seconds[len(seconds) // 2] for path, seconds in times.items()}
    print(f"\nprobe refused {len(probes)} times, slowest refusal {max(a[3] for a in probes):.2f}s;"
          f" heaviest anonymous answer {max(a[2] for a in heaviest):,} bytes "
          f"({len(heaviest)} answered, slowest {max(a[3] for a in heaviest):.1f}s); "
          f"heaviest with a token {max(a[2] for a in with_token):,} bytes "
          f"({len(with_token)} answered, slowest {max(a[3] for a in with_token):.1f}s); "
          f"/healthz median {median['/healthz']:.3f}s, slowest {slowest['/healthz']:.3f}s; "
          f"/readyz median {median['/readyz']:.3f}s, slowest {slowest['/readyz']:.3f}s; "
          f"server peak memory {peak_mb:.0f} MB (idle {idle_mb:.0f} MB)")
    assert probes and heaviest and with_token
    assert all(status == 200 for _, _, status in health), health
    assert slowest["/healthz"] < HEALTH_BOUND and slowest["/readyz"] < HEALTH_BOUND, slowest
    assert peak_mb < 1024
