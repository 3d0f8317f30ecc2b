"""Tests run on a real Neo4j, chosen in this order:

1. `NEO4J_URI` is set: that server (the fixture refuses to wipe it if it already holds data);
2. a Docker engine answers: testcontainers' `Neo4jContainer` with the official 5.26 image;
3. otherwise a local server from `kg/server/local.py`, started on free loopback ports in
   `<state>/neo4j-test` and stopped at the end of the session.

Under pytest-xdist (`./dev test` runs `-n 2`) each worker is a session of its own: its own
server (or container) in a state folder of its own, `<state>/xdist-<worker>`. The tests listed
in `SERIAL` are marked `serial`; `./dev test` runs them after the others, in one process.

The processes of one run ingest idb03 once between them: the first to need it ingests it and
leaves its snapshot in `<state>/test-runs/<run>/` (under a file lock, so a second worker waits for
it rather than ingesting beside it on the same cores); the others restore that snapshot. A run is
one `./dev test` (`KG_TEST_RUN`, which it sets for both its pytest processes), else the workers
of one xdist session; a lone pytest process ingests on its own as before. So do the first few
hundred idb03 works in batches of 150 that several modules start from (`load_idb03_prefix`).
"""

from __future__ import annotations

import dataclasses
import fcntl
import gzip
import os
import pickle
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from kg import config
from kg.config import Settings
from kg.db import schema
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.server.control import docker_engine_answers, wait_until_ready
from kg.server.local import LocalServer
from testkit import database, snapshot
from testkit.census import census, contents, derived_edges_checksum
from testkit.database import delete_everything
from testkit.datasets import IDB03_WORKS

NEO4J_IMAGE = "neo4j:5.26-community"


@dataclasses.dataclass
class TestDatabase:
    settings: Settings
    owned: bool
    local_server: LocalServer | None = None


@pytest.fixture(scope="session")
def test_database(request: pytest.FixtureRequest) -> Iterator[TestDatabase]:
    # Rate limits have tests of their own (tests/reliability/test_rate_limits.py); elsewhere one
    # test client sends many requests from one address.
    # The plan warm-up (kg/db/warmup.py) too, tested in tests/integration/test_plan_warmup.py:
    # elsewhere its minute of planning in the background would slow the timed tests beside it.
    base = dataclasses.replace(config.from_env(), rate_limit_address="off", rate_limit_token="off",
                               warm_plan_seconds=0)
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    if worker is not None:
        base = dataclasses.replace(base, state_dir=base.state_dir / f"xdist-{worker}")
    if os.environ.get("NEO4J_URI"):
        if worker is not None:
            pytest.exit("NEO4J_URI names one database, which parallel workers would share: "
                        "run with -n 0", returncode=4)
        yield TestDatabase(base, owned=False)
    elif docker_engine_answers():
        from testcontainers.community.neo4j import Neo4jContainer

        container = Neo4jContainer(NEO4J_IMAGE, password=base.neo4j_password) \
            .with_env("NEO4J_db_memory_transaction_max", base.neo4j_transaction_memory) \
            .with_env("NEO4J_dbms_memory_transaction_total_max",
                      base.neo4j_transaction_memory_total)
        with container:
            settings = dataclasses.replace(base, neo4j_uri=container.get_connection_url())
            yield TestDatabase(settings, owned=True)
    else:
        settings = database.on_free_ports(base)
        with database.scratch_server(settings, base.state_dir / "neo4j-test") as server:
            yield TestDatabase(settings, owned=True, local_server=server)


@pytest.fixture(scope="session")
def settings(test_database: TestDatabase) -> Settings:
    return test_database.settings


@pytest.fixture(scope="session")
def session_graph(test_database: TestDatabase) -> Iterator[Graph]:
    wait_until_ready(test_database.settings)
    graph = database.connect(test_database.settings)
    if not test_database.owned and graph.read("count_nodes")[0]["nodes"] > 0:
        graph.close()
        pytest.exit(
            f"refusing to run: {test_database.settings.neo4j_uri} already holds data and the "
            "tests wipe the database; point NEO4J_URI at an empty database",
            returncode=4,
        )
    schema.apply(graph)
    yield graph
    graph.close()


Ingested = tuple[dict[str, int], tuple[int, str], list[str]]  # census, derived edges, contents


class DatabaseState:
    """Which data set the shared test database holds, so read-only tests can share one load;
    idb03 as ingested the first time, which later loads restore; and, when a collected test asks
    for it (`ingested_idb03`), what that ingest built, recorded before anything changed it; and
    the run whose processes share that snapshot (`KG_TEST_RUN`, else the xdist session)."""

    loaded: str | None = None
    idb03: snapshot.Snapshot | None = None
    prefixes: dict[tuple[int, int], snapshot.Snapshot] = {}
    record_ingested: bool = False
    ingested: Ingested | None = None
    run: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    DatabaseState.run = os.environ.get("KG_TEST_RUN") or \
        getattr(config, "workerinput", {}).get("testrunuid")
    # xdist's `--dist loadfile` hands out modules by their number of tests (most first) unless
    # told not to: that scattered the idb03 modules and put long modules of few tests last,
    # where one worker ran them alone. Modules go out in the order of the collection hook below.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


@pytest.fixture
def graph(session_graph: Graph) -> Graph:
    """The test database, empty but for its schema. Tests may write to it."""
    delete_everything(session_graph)
    DatabaseState.loaded = None
    session_graph.queries_run = 0
    return session_graph


def load_idb03(graph: Graph, settings: Settings, tmp_path_factory) -> None:
    """Make the shared database hold exactly the idb03 works, unless it does. The run's first
    load ingests the file; later ones (in this process or another of the run) restore the
    snapshot of that ingest, which tests/integration/test_snapshot.py proves equal to the
    ingested graph. A caller that goes on to change the graph sets `DatabaseState.loaded = None`."""
    if DatabaseState.loaded == "idb03":
        return
    delete_everything(graph)
    if DatabaseState.idb03 is None:
        _first_idb03_load(graph, settings, tmp_path_factory)
    else:
        snapshot.restore(graph, DatabaseState.idb03)
    DatabaseState.loaded = "idb03"


def _run_folder() -> Path | None:
    """The folder the processes of this run share, made here; None for a lone process. Folders
    of other runs an hour old go (each holds a 37 MB pickle)."""
    run = DatabaseState.run
    if not run:
        return None
    runs = config.from_env().state_dir / "test-runs"
    runs.mkdir(parents=True, exist_ok=True)
    for old in runs.iterdir():
        if old.name != run and old.stat().st_mtime < time.time() - 3600:
            shutil.rmtree(old, ignore_errors=True)
    folder = runs / run
    folder.mkdir(exist_ok=True)
    return folder


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _first_idb03_load(graph: Graph, settings: Settings, tmp_path_factory) -> None:
    """This process's first idb03 load: the run's snapshot restored when another process of the
    run left one (with what its ingest built, when recorded), else an ingest that leaves it."""
    def ingest() -> tuple[snapshot.Snapshot | None, Ingested | None]:
        _ingest_idb03(graph, settings, tmp_path_factory)
        return DatabaseState.idb03, DatabaseState.ingested

    (DatabaseState.idb03, DatabaseState.ingested), built = _once_a_run("idb03", ingest)
    if not built:
        snapshot.restore(graph, DatabaseState.idb03)


def _once_a_run(name: str, build: Callable[[], Any]) -> tuple[Any, bool]:
    """`build()` once in the run, and whether this call built it: the first process to get here
    builds and leaves the value's pickle in the run's folder (under a lock, so another process
    waits for it rather than building beside it on the same cores); later ones read it. A lone
    process builds."""
    folder = _run_folder()
    if folder is None:
        return build(), True
    shared = folder / f"{name}.pickle"
    with _locked(folder / f"{name}.lock"):
        if shared.is_file():
            return pickle.loads(shared.read_bytes()), False
        value = build()
        partial = shared.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(value))
        os.replace(partial, shared)
        return value, True


def _ingest_idb03(graph: Graph, settings: Settings, tmp_path_factory) -> None:
    """Ingest idb03 into the empty database and take its snapshot (and record what it built)."""
    rejects = tmp_path_factory.mktemp("idb03") / "rejects.jsonl"
    report = ingest_file(graph, IDB03_WORKS, FORMATS["openalex"], settings.batch_size, rejects)
    assert report.rejected == 0
    DatabaseState.idb03 = snapshot.take(graph)
    if DatabaseState.record_ingested:
        DatabaseState.ingested = census(graph), derived_edges_checksum(graph), contents(graph)


def load_idb03_prefix(graph: Graph, tmp_path_factory, count: int, batch: int) -> None:
    """Make the emptied test database (the `graph` fixture) hold the first `count` idb03 works as
    an ingest of them alone in batches of `batch` writes them: the run's first such load ingests
    them and leaves the snapshot (as for idb03: in the run's folder, under a lock of its own),
    later ones, in any process of the run, restore it (seconds, where an ingest in small batches
    takes half a minute or more; the restore rebuilds every node, property and relationship, as
    tests/integration/test_snapshot.py proves for idb03). For the tests of several modules that
    start from the same ingest and then change or check it."""
    key = (count, batch)
    if key not in DatabaseState.prefixes:
        DatabaseState.prefixes[key], built = _once_a_run(
            f"idb03-{count}-{batch}",
            lambda: _ingest_idb03_prefix(graph, tmp_path_factory, count, batch))
        if built:
            return
    snapshot.restore(graph, DatabaseState.prefixes[key])


def _ingest_idb03_prefix(graph: Graph, tmp_path_factory, count: int,
                         batch: int) -> snapshot.Snapshot:
    folder = tmp_path_factory.mktemp(f"idb03-{count}")
    works = folder / "works.jsonl.gz"
    with gzip.open(IDB03_WORKS, "rt", encoding="utf-8") as source, \
            gzip.open(works, "wt", encoding="utf-8") as out:
        out.writelines(islice((line for line in source if line.strip()), count))
    report = ingest_file(graph, works, FORMATS["openalex"], batch, folder / "rejects.jsonl")
    assert report.rejected == 0 and report.written == count
    return snapshot.take(graph)


@pytest.fixture
def ingested_idb03(graph: Graph, settings: Settings, tmp_path_factory) -> Ingested:
    """What the ingest of idb03 whose snapshot later loads restore built: the run's first
    ingest, recorded then (so proving the snapshot costs no ingest of its own), or one made here
    when none was recorded."""
    DatabaseState.record_ingested = True
    if DatabaseState.idb03 is None:
        _first_idb03_load(graph, settings, tmp_path_factory)
    if DatabaseState.ingested is None:
        delete_everything(graph)
        _ingest_idb03(graph, settings, tmp_path_factory)
    DatabaseState.loaded = None
    assert DatabaseState.ingested is not None
    return DatabaseState.ingested


@pytest.fixture
def idb03_graph(session_graph: Graph, settings: Settings, tmp_path_factory) -> Graph:
    """The test database holding exactly the idb03 OpenAlex works (loaded once, shared by the
    tests that use this fixture). Tests must not change it; a test that does uses `graph`."""
    load_idb03(session_graph, settings, tmp_path_factory)
    session_graph.queries_run = 0
    return session_graph


def _on_shared_idb03(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    return "idb03_graph" in names and "graph" not in names


# Tests that run apart from the parallel ones (`./dev test` runs them last, one at a time), each
# for a reason: a bound in seconds that a busy second worker would break, or browsers, whose
# page waits the other worker's ingests would stretch. Stopping and starting Neo4j is no reason
# (test_trust_outage, test_operations): each worker stops only its own server or a scratch one,
# and their waits (a minute or two for a server to answer) are as loose as the parallel part's
# own bounds. Nor is a time limit that a load only makes surer to be passed (test_cypher_attacks'
# 1 s limit on a query of minutes; the queries it stops are found within 30 s; test_cost_budget's
# 1 ms deadline, whose stopped round the app's shutdown waits for: test_graph_close.py).
SERIAL = {
    "tests/reliability/test_health_under_load.py": "health answers within a second under load",
    "tests/reliability/test_rate_limits.py": "limits per time window",
    # its re-ingest of the cut-off file has 180 s: 30 s idle, past 180 s at load 22 even alone
    "tests/reliability/test_faults.py": "stops Neo4j in the middle of an ingest",
    # the browsers: page waits of 120 s (the explorer's first graph missed it at load 16-21)
    "tests/e2e/test_kg_graph_widget.py": "Chromium; a 500-node graph laid out and drawn",
    "tests/e2e/test_explorer_browser.py": "Chromium",
    "tests/e2e/test_graphiql_browser.py": "Chromium",
}


# The modules that take longest, longest first (their tests' seconds of setup + call, summed, at
# load 17-26: docs/benchmarks.md, "One idb03 ingest a run, not three"), handed out before the
# others so that no long module is handed out last and runs alone after the other worker has
# finished. The second is one whose first tests do without idb03: the first worker ingests idb03
# in its first test and the second works meanwhile instead of waiting on the ingest's lock. A
# module left out is only handed out later; the list orders, it decides nothing else.
LONGEST_FIRST = (
    "tests/integration/test_read_model.py",  # 485 s
    "tests/integration/test_incremental_ingest.py",  # 335 s
    "tests/integration/test_bulk.py",  # 406 s
    "tests/integration/test_one_paper_per_work.py",  # 299 s
    "tests/integration/test_pending_references.py",  # 281 s
    "tests/integration/test_plan_churn.py",  # 247 s
    "tests/e2e/test_paper_by_any_id_api.py",  # 158 s
    "tests/integration/test_ingest_repeatable.py",  # 150 s
    "tests/integration/test_standalone_clone.py",
    "tests/integration/test_top_coauthors.py",
    # they stop and start the worker's own Neo4j, or a scratch one: no other worker's business
    "tests/reliability/test_operations.py",  # ~90 s idle, serial until 2026-11-27
    "tests/reliability/test_trust_outage.py",  # ~30 s
)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Record what the first idb03 ingest built only when a test that will run asks for it
    (`ingested_idb03`): the tests left after `-m` and `-k` deselected theirs, so the serial
    process, whose tests never ask, pays no census of its own."""
    DatabaseState.record_ingested = any(
        "ingested_idb03" in getattr(item, "fixturenames", ()) for item in session.items)


def _mark_serial(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.split("::")[0] in SERIAL:
            item.add_marker(pytest.mark.serial)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the `SERIAL` tests, then order the modules: `LONGEST_FIRST`; then the tests on the
    shared idb03 load (`idb03_graph`) together, so it is loaded as few times as possible (a
    `graph` test in between empties the database and the next one loads it again): the modules
    of only those tests, then the mixed modules; then the rest in collection order, the unit
    tests (quick, no database) last, so the workers end on small pieces of work and together.
    Each module stays contiguous (its module-scoped fixtures are set up once) and keeps its own
    order but for moving its tests on the shared load to its front (a module's later tests may
    change what its fixtures hold; none may count on running before them). Under xdist each
    worker takes whole modules in this order (`pytest_configure`)."""
    _mark_serial(items)
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    for tests in modules.values():
        tests.sort(key=lambda item: not _on_shared_idb03(item))
    longest = [name for name in LONGEST_FIRST if name in modules]
    pure, mixed = [], []
    for name, tests in modules.items():
        shared = [_on_shared_idb03(item) for item in tests]
        if any(shared) and name not in longest:
            (pure if all(shared) else mixed).append(name)
    placed = {*longest, *pure, *mixed}
    rest = [name for name in modules if name not in placed]
    unit = [name for name in rest if name.startswith("tests/unit/")]
    order = longest + pure + mixed + [name for name in rest if name not in unit] + unit
    items[:] = [item for name in order for item in modules[name]]
