"""Scratch Neo4j servers for tests and benchmarks: a local server from the Maven jars on free
loopback ports in a home of its own (wiped first), connected with the project's queries plus
the census queries of `testkit/queries/`; and emptying a database in batches.

A test run starts Neo4j a dozen times (scratch servers, restarts for backups, offline imports,
outages) and runs neo4j-admin as often, each JVM loading some 10,000 classes. `on_free_ports`
gives them a class-data archive of the Neo4j jars (CDS, `<cache>/neo4j-<version>/`, dumped from
the first test server that finds none) and, for a server that lives only for a few tests, the
C1 compiler only: half the CPU of a start. The shared session server keeps the full JIT for its
many queries."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.config import Settings
from kg.db import statistics
from kg.db.graph import Graph
from kg.db.queries import QueryLibrary
from kg.errors import LocalServerError
from kg.resources import project_dir
from kg.server.control import wait_until_ready
from kg.server.local import LocalServer, find_java_home, neo4j_version
from testkit.ports import free_port

TESTKIT_QUERIES = Path(__file__).resolve().parent / "queries"


def query_library() -> QueryLibrary:
    return QueryLibrary(project_dir("queries"), TESTKIT_QUERIES)


def connect(settings: Settings) -> Graph:
    """A graph that also knows the census queries."""
    return Graph.connect(settings, query_library())


RECORD_ARCHIVE = "-XX:+RecordDynamicDumpInfo"


def on_free_ports(settings: Settings, *, brief: bool = False) -> Settings:
    """Settings for a test server on free ports, started with the quicker JVM options (`brief`:
    a server stopped after a few tests; benchmarks and the session server keep the full JIT)."""
    return dataclasses.replace(settings, neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
                               neo4j_http_port=free_port(),
                               neo4j_jvm_options=" ".join(quick_jvm_options(settings, brief)))


def class_archive(settings: Settings) -> Path | None:
    """Where the class-data archive for this JDK build and Neo4j version lives; None without a
    JDK or when it has no `jcmd` to dump one."""
    try:
        java_home = find_java_home(settings.java_home)
    except LocalServerError:  # no local server then either
        return None
    release = (java_home / "release").read_text(encoding="utf-8")
    build = re.search(r'JAVA_VERSION="([^"]+)"', release)
    if not build or not (java_home / "bin" / "jcmd").exists():
        return None
    return (settings.cache_dir.expanduser().resolve() / f"neo4j-{neo4j_version()}"
            / f"classes-java-{build.group(1)}.jsa")


def quick_jvm_options(settings: Settings, brief: bool) -> list[str]:
    options = ["-XX:TieredStopAtLevel=1"] if brief else []
    archive = class_archive(settings)
    if archive is None:
        return options
    if archive.is_file():
        # -Xshare:auto runs without the archive should the JVM refuse it
        return [*options, f"-XX:SharedArchiveFile={archive}", "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"]
    return [*options, RECORD_ARCHIVE]


def _dump_class_archive(server: LocalServer) -> None:
    """Dump the classes the started server loaded into the archive (atomically: other test
    runs may start servers from it meanwhile)."""
    archive = class_archive(server.settings)
    pid = server.status().pid
    if archive is None or pid is None or archive.is_file():
        return
    partial = archive.with_name(f"{archive.name}.{os.getpid()}.partial")
    jcmd = find_java_home(server.settings.java_home) / "bin" / "jcmd"
    result = subprocess.run([str(jcmd), str(pid), "VM.cds", "dynamic_dump", str(partial)],
                            capture_output=True, text=True)
    if result.returncode == 0 and partial.is_file():
        os.replace(partial, archive)
    else:
        partial.unlink(missing_ok=True)


@contextmanager
def scratch_server(settings: Settings, home: Path, keep: bool = False) -> Iterator[LocalServer]:
    """A local server in `home` (wiped unless `keep`), answering at `settings`, stopped at the
    end."""
    server = LocalServer(settings, home=home)
    server.stop()
    if not keep:
        server.wipe()
    server.start()
    try:
        wait_until_ready(settings)
        if RECORD_ARCHIVE in settings.neo4j_jvm_options.split():
            _dump_class_archive(server)
        yield server
    finally:
        server.stop()


def delete_everything(graph: Graph) -> None:
    """Empty the database, then refresh the planner's statistics (a bulk delete)."""
    deleted = 0
    while batch := graph.write("delete_everything", limit=10000)[0]["deleted"]:
        deleted += batch
    statistics.refresh(graph, changed=deleted)
