"""A real Neo4j Community server on loopback, provisioned from Maven Central, for machines without
a Docker engine.

`deploy/neo4j/pom.xml` names the server (`org.neo4j:neo4j`) and the Neo4j Browser; Maven copies
their runtime jars once into `<cache>/neo4j-<version>/lib`, shared by every checkout. A server
home (`<state>/neo4j`) holds `conf/neo4j.conf`, `data/`, `logs/` and `run/`. The JVM is launched
directly on `org.neo4j.server.CommunityEntryPoint` with the flags Neo4j's own launcher would add.

Transactions are capped below the heap (`db.memory.transaction.max` and the totals, from
settings), so a query that builds too much is stopped with a memory-limit error; and the JVM is not
told to exit on an OutOfMemoryError, since a list built outside Neo4j's memory tracking
(`size([x IN range(1, 2000000000) | x])`) fails that one query, Neo4j answers it with
`Neo.TransientError.General.OutOfMemoryError`, and the server goes on.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.config import Settings
from kg.errors import LocalServerError
from kg.resources import project_dir

SUPPORTED_JAVA = ("17", "21")
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]


def neo4j_version() -> str:
    """The Neo4j version the project's pom pins."""
    pom = (project_dir("deploy") / "neo4j" / "pom.xml").read_text(encoding="utf-8")
    match = re.search(r"<neo4j\.version>([^<]+)</neo4j\.version>", pom)
    if not match:
        raise LocalServerError("deploy/neo4j/pom.xml does not set <neo4j.version>")
    return match.group(1)


def find_java_home(preferred: Path | None) -> Path:
    """A JDK home whose major version Neo4j 5.26 supports (17 or 21)."""
    candidates = [preferred] if preferred else []
    for root in (Path("/usr/lib/jvm"), Path("/Library/Java/JavaVirtualMachines")):
        if root.is_dir():
            candidates += sorted(root.iterdir())
            candidates += sorted(p / "Contents" / "Home" for p in root.iterdir())
    for home in candidates:
        if home and _java_major(home) in SUPPORTED_JAVA:
            return home
    raise LocalServerError(
        "Neo4j 5.26 needs Java 17 or 21 and none was found: install OpenJDK 17 "
        "or set KG_JAVA_HOME to its home"
    )


def _java_major(home: Path) -> str | None:
    release = home / "release"
    if not (home / "bin" / "java").exists() or not release.is_file():
        return None
    match = re.search(r'JAVA_VERSION="(\d+)', release.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def port_answers(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt: str
    browser: str
    home: Path


class LocalServer:
    """One Neo4j server home on this machine, bound to 127.0.0.1."""

    def __init__(
        self,
        settings: Settings,
        home: Path | None = None,
        bolt_port: int | None = None,
        http_port: int | None = None,
    ) -> None:
        self.settings = settings
        self.version = neo4j_version()
        self.home = (home or settings.state_dir / "neo4j").resolve()
        self.bolt_port = bolt_port or settings.bolt_port
        self.http_port = http_port or settings.neo4j_http_port
        self.lib_dir = settings.cache_dir.expanduser().resolve() / f"neo4j-{self.version}" / "lib"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def status(self) -> ServerStatus:
        pid = self._live_pid()
        return ServerStatus(
            running=pid is not None,
            pid=pid,
            bolt=self.bolt_uri,
            browser=f"http://127.0.0.1:{self.http_port}/browser/",
            home=self.home,
        )

    def provision(self) -> None:
        """Resolve the jars (once per version), write the configuration, set the password."""
        self._resolve_jars()
        self._write_conf()
        self._set_initial_password()

    def start(self, timeout: float = 180.0) -> bool:
        """Start the server unless it runs; wait until Bolt answers. True when it was started."""
        if self._live_pid() is not None:
            return False
        if port_answers("127.0.0.1", self.bolt_port):
            raise LocalServerError(
                f"port {self.bolt_port} is taken by another process; stop it or set NEO4J_URI "
                "to another port"
            )
        self.provision()
        for directory in ("logs", "run", "data", "import", "plugins"):
            (self.home / directory).mkdir(parents=True, exist_ok=True)
        java = find_java_home(self.settings.java_home) / "bin" / "java"
        command = [
            str(java),
            f"-Xms{self.settings.neo4j_heap}",
            f"-Xmx{self.settings.neo4j_heap}",
            *JVM_FLAGS,
            *self.settings.neo4j_jvm_options.split(),
            "-cp",
            f"{self.home / 'plugins'}/*:{self.lib_dir}/*",
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
        ]
        console = str(self.home / "logs" / "console.log")
        # posix_spawn rather than Popen: the server outlives this process, in a session of its own.
        pid = os.posix_spawn(
            command[0],
            command,
            dict(os.environ),
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, console, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644),
                (os.POSIX_SPAWN_DUP2, 1, 2),
            ],
            setsid=True,
        )
        self.pid_file.write_text(str(pid))
        self._wait_for_bolt(pid, timeout)
        return True

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server if it runs. True when it was running."""
        pid = self._live_pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    def import_full(self, database: str, nodes: dict[str, list[Path]],
                    relationships: dict[str, list[Path]], report: Path,
                    options: Sequence[str] = ()) -> str:
        """Replace `database` with the graph of these CSV files (by label and by relationship
        type) through Neo4j's offline importer, `neo4j-admin database import full`, with more of
        its `options` (which files hold multiline fields, strictness). The server must be
        stopped. Returns the importer's summary; bad entries fail the import."""
        if self._live_pid() is not None:
            raise LocalServerError("stop the server before an offline import")
        self.provision()
        java = find_java_home(self.settings.java_home) / "bin" / "java"
        command = [
            str(java), *self.settings.neo4j_jvm_options.split(), "-cp", f"{self.lib_dir}/*",
            "org.neo4j.server.startup.Neo4jAdminCommand", "database", "import", "full", database,
            "--overwrite-destination=true",
            "--array-delimiter=U+001F", f"--report-file={report}", *options,
            *(f"--nodes={label}={','.join(map(str, paths))}" for label, paths in nodes.items()),
            *(f"--relationships={kind}={','.join(map(str, paths))}"
              for kind, paths in relationships.items()),
        ]
        result = subprocess.run(
            command, capture_output=True, text=True,
            env={**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")},
        )
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
            raise LocalServerError("the offline import failed: " + " | ".join(tail))
        return "\n".join(result.stdout.strip().splitlines()[-8:])

    def wipe(self) -> None:
        """Delete the data of a stopped server (used by the test fixture on its own server)."""
        if self._live_pid() is not None:
            raise LocalServerError("refusing to wipe the data of a running server")
        shutil.rmtree(self.home / "data", ignore_errors=True)

    def _live_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) else None

    def _resolve_jars(self) -> None:
        if (self.lib_dir / ".complete").is_file():
            return
        if shutil.which("mvn") is None:
            raise LocalServerError("Maven (mvn) is needed to fetch Neo4j's jars: install Maven")
        # a staging folder per process: parallel test workers may resolve at the same time
        staging = self.lib_dir.with_name(f"lib.partial.{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        pom = project_dir("deploy") / "neo4j" / "pom.xml"
        java_home = find_java_home(self.settings.java_home)
        result = subprocess.run(
            [
                "mvn", "-q", "-B", "-f", str(pom),
                "dependency:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={staging}",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "JAVA_HOME": str(java_home)},
        )
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
            raise LocalServerError("Maven could not resolve Neo4j: " + " | ".join(tail))
        if (self.lib_dir / ".complete").is_file():  # another process finished first
            shutil.rmtree(staging, ignore_errors=True)
            return
        shutil.rmtree(self.lib_dir, ignore_errors=True)
        staging.rename(self.lib_dir)
        (self.lib_dir / ".complete").write_text(self.version)

    def _write_conf(self) -> None:
        conf = self.home / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.bolt_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.bolt_port}",
            "server.http.enabled": "true",
            "server.http.listen_address": f"127.0.0.1:{self.http_port}",
            "server.http.advertised_address": f"127.0.0.1:{self.http_port}",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",
            "server.memory.heap.initial_size": self.settings.neo4j_heap,
            "server.memory.heap.max_size": self.settings.neo4j_heap,
            "server.memory.pagecache.size": self.settings.neo4j_pagecache,
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
            "server.directories.import": str(self.home / "import"),
            "server.directories.plugins": str(self.home / "plugins"),
            "db.transaction.timeout": "0s",
            # Bolt's event loops otherwise idle 5 s each after the databases stopped: a stop
            # (and every backup or restore) took 10 s longer
            "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
            # a query that builds too much in memory is stopped with a memory-limit error
            # instead of exhausting the heap (the JVM exits on OutOfMemoryError)
            "dbms.memory.transaction.total.max": self.settings.neo4j_transaction_memory_total,
            "db.memory.transaction.total.max": self.settings.neo4j_transaction_memory_total,
            "db.memory.transaction.max": self.settings.neo4j_transaction_memory,
        }
        text = "# Written by kg/server/local.py on every start; edit the code, not this file.\n"
        text += "".join(f"{key}={value}\n" for key, value in settings.items())
        (conf / "neo4j.conf").write_text(text)

    def _set_initial_password(self) -> None:
        if (self.home / "data" / "databases" / "system").exists():
            return
        self._admin("could not set the initial Neo4j password",
                    "dbms", "set-initial-password", self.settings.neo4j_password)

    def dump(self, database: str, target: Path) -> None:
        """Write a dump of `database` to the file `target` (`neo4j-admin database dump`); the
        server must be stopped (Community dumps offline)."""
        self._require_stopped("dump")
        with tempfile.TemporaryDirectory(dir=target.parent) as staging:
            self._admin("neo4j-admin could not dump the database",
                        "database", "dump", database, f"--to-path={staging}")
            os.replace(Path(staging) / f"{database}.dump", target)

    def load(self, database: str, source: Path) -> None:
        """Replace `database` with the dump in the file `source` (`neo4j-admin database
        load --overwrite-destination`); the server must be stopped. neo4j-admin empties the
        database before it finds a file unreadable, so the database is dumped first to
        `<home>/backups/<database>.before-restore.dump` and loaded back if the load fails."""
        self._require_stopped("load")
        self._resolve_jars()
        self._write_conf()
        previous = self.home / "backups" / f"{database}.before-restore.dump"
        if (self.home / "data" / "databases" / database).is_dir():
            previous.parent.mkdir(parents=True, exist_ok=True)
            self.dump(database, previous)
        try:
            self._load(database, source, "neo4j-admin could not load the dump")
        except LocalServerError as exc:
            if previous.is_file():
                self._load(database, previous, "the database could not be put back either")
                raise LocalServerError(f"{exc}; the database was put back as it was") from exc
            raise

    def _load(self, database: str, source: Path, failure: str) -> None:
        with tempfile.TemporaryDirectory() as staging:
            os.symlink(source.resolve(), Path(staging) / f"{database}.dump")
            self._admin(failure, "database", "load", database, f"--from-path={staging}",
                        "--overwrite-destination=true")

    def _require_stopped(self, action: str) -> None:
        if self._live_pid() is not None:
            raise LocalServerError(f"refusing to {action} while the server runs; stop it first")

    def _admin(self, failure: str, *args: str) -> None:
        """Run `neo4j-admin` (its entry point in the server's jars) on this home."""
        java = find_java_home(self.settings.java_home) / "bin" / "java"
        result = subprocess.run(
            [str(java), *self.settings.neo4j_jvm_options.split(), "-cp", f"{self.lib_dir}/*",
             "org.neo4j.server.startup.Neo4jAdminCommand", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")},
        )
        if result.returncode != 0:
            # neo4j-admin says what failed in its first line, then repeats it and hints at
            # --verbose; one line is what the CLI prints
            lines = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()
            raise LocalServerError(f"{failure}: {lines[0][:300]}")

    def _wait_for_bolt(self, pid: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(pid):
                self.pid_file.unlink(missing_ok=True)
                raise LocalServerError(
                    "Neo4j exited while starting; "
                    f"see {self.home / 'logs'}: {self._log_tail()}"
                )
            if port_answers("127.0.0.1", self.bolt_port):
                return
            time.sleep(0.5)
        raise LocalServerError(
            f"Neo4j did not open Bolt on port {self.bolt_port} within {timeout:.0f}s; "
            f"see {self.home / 'logs'}"
        )

    def _log_tail(self) -> str:
        for name in ("neo4j.log", "console.log"):
            log = self.home / "logs" / name
            if log.is_file():
                lines = log.read_text(errors="replace").strip().splitlines()
                if lines:
                    return lines[-1][-300:]
        return "no log written"


def _alive(pid: int) -> bool:
    try:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return True
