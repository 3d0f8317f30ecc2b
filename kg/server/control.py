"""Which Neo4j `kg db start|stop|status` manages: the compose service when a Docker engine
answers, otherwise the local server of `kg/server/local.py`. `--docker` / `--local` force one."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import GraphUnavailable, LocalServerError
from kg.resources import source_root
from kg.server.local import LocalServer, port_answers

Mode = Literal["auto", "local", "docker"]


@dataclass(frozen=True)
class ServerInfo:
    kind: str
    running: bool
    bolt: str
    browser: str
    detail: str


class DatabaseServer(Protocol):
    def start(self) -> bool: ...
    def stop(self) -> bool: ...
    def info(self) -> ServerInfo: ...


def docker_engine_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        result = subprocess.run(["docker", "info"], capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0


class LocalDatabase:
    def __init__(self, settings: Settings) -> None:
        self.server = LocalServer(settings)

    def start(self) -> bool:
        return self.server.start()

    def stop(self) -> bool:
        return self.server.stop()

    def info(self) -> ServerInfo:
        status = self.server.status()
        detail = f"Neo4j {self.server.version}, home {status.home}"
        if status.pid:
            detail += f", pid {status.pid}"
        return ServerInfo("local", status.running, status.bolt, status.browser, detail)


class ComposeDatabase:
    """The `neo4j` service of the project's docker-compose.yml."""

    def __init__(self, settings: Settings) -> None:
        root = source_root()
        if root is None:
            raise LocalServerError(
                "the Docker path needs the project checkout (docker-compose.yml)")
        self.compose_file: Path = root / "docker-compose.yml"
        self.settings = settings

    def _compose(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["docker", "compose", "-f", str(self.compose_file), *args],
            capture_output=True,
            text=True,
        )

    def start(self) -> bool:
        was_running = self.info().running
        result = self._compose("up", "-d", "neo4j")
        if result.returncode != 0:
            raise LocalServerError("docker compose could not start neo4j: " + result.stderr[-300:])
        deadline = time.monotonic() + 180
        while not port_answers(self.settings.bolt_host, self.settings.bolt_port):
            if time.monotonic() > deadline:
                raise LocalServerError("the neo4j container did not open Bolt within 180s")
            time.sleep(1)
        return not was_running

    def stop(self) -> bool:
        was_running = self.info().running
        self._compose("stop", "neo4j")
        return was_running

    def info(self) -> ServerInfo:
        result = self._compose("ps", "--status", "running", "-q", "neo4j")
        running = result.returncode == 0 and bool(result.stdout.strip())
        return ServerInfo(
            "docker",
            running,
            f"bolt://127.0.0.1:{self.settings.bolt_port}",
            f"http://127.0.0.1:{self.settings.neo4j_http_port}/browser/",
            "docker compose service neo4j (neo4j:5.26-community)",
        )


def database_server(settings: Settings, mode: Mode = "auto") -> DatabaseServer:
    if mode == "docker" or (mode == "auto" and docker_engine_answers()):
        return ComposeDatabase(settings)
    return LocalDatabase(settings)


@contextmanager
def stopped_local_server(
    settings: Settings, mode: Mode, say: Callable[[str], None]
) -> Iterator[LocalServer]:
    """The local server, stopped for the body (Community's `neo4j-admin database dump` and
    `load` need the database offline) and started again afterwards if it was running."""
    if mode == "docker" or (mode == "auto" and docker_engine_answers()):
        raise LocalServerError(
            "backup and restore work on the local server (--local); for the compose service "
            "run neo4j-admin database dump/load in a stopped container (see README)")
    server = LocalServer(settings)
    was_running = server.status().running
    if was_running:
        say("stopping Neo4j: Community dumps and loads only a stopped database")
        server.stop()
    try:
        yield server
    finally:
        if was_running:
            server.start()
            wait_until_ready(settings)
            say("Neo4j started again")


def wait_until_ready(settings: Settings, timeout: float = 120.0) -> None:
    """Wait until the default database answers a query (Bolt opens before databases start)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with Graph.connect(settings) as graph:
                graph.read("admin/ping")
            return
        except GraphUnavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)
