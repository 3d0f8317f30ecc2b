"""Plans made before the first request needs them.

Neo4j plans a statement the first time it sees its text (with its parameters' types) and keeps
the plan in its query cache, and its planner is JIT-compiled code that is cold on a fresh
server: measured there (docs/benchmarks.md), the first `explore/neighbourhood` took 20-33 s to
plan at load 5-14, a second plan of the same statement 1.2-2.3 s once the planner was warm, and
a cached plan next to nothing. An EXPLAIN does not leave its plan where a run finds it, so each
query is run: once, read-only (a READ session, so the server refuses a write), with the example
parameters of its `:params` block, under a per-statement timeout that is generous because it
counts the planning too (at load 19 a 30 s timeout stopped the neighbourhood's first plan, which
was then lost). The API does this in a thread of its own at start-up, once per process and
server, while it serves requests.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import neo4j
from neo4j import exceptions as neo4j_errors

from kg.config import Settings
from kg.db.queries import Query, QueryLibrary, cypher_body

log = logging.getLogger(__name__)

# The query areas a request reads, and the queries it reads elsewhere; the rest are ingest,
# derived edges, the read model's recounts, `kg trust compute` and exports, whose statements may
# read a whole label (tests/integration/test_plan_warmup.py holds this to what requests run).
API_AREAS = ("accounts", "coauthorship", "explore", "institutions", "metrics", "nodes", "papers",
             "sources", "topics")
API_QUERIES_ELSEWHERE = ("admin/ping", "trust/explanations_of", "trust/of_researchers")
_WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS)\b",
                     re.IGNORECASE)


@dataclass
class Warmed:
    planned: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # name: the server's one-line reason
    seconds: float = 0.0


def plans_to_warm(queries: QueryLibrary) -> list[str]:
    """The read-only queries requests run (with example parameters if they take any), longest
    first (the longest statement takes longest to plan, and warms the planner for the rest)."""
    names = [name for name in queries.names()
             if (name.split("/", 1)[0] in API_AREAS or name in API_QUERIES_ELSEWHERE)
             and (queries[name].examples or not queries[name].parameters)
             and not _WRITES.search(cypher_body(queries[name].text))]
    return sorted(names, key=lambda name: (-len(queries[name].text), name))


def example_parameters(session: neo4j.Session, queries: list[Query]) -> list[dict[str, Any]]:
    """The `:params` maps of each query as the server reads them (Cypher literals, typed as the
    server types them), each query's merged; one statement for all of them."""
    literals = [literal for query in queries for literal in query.examples]
    if not literals:
        return [{} for _ in queries]
    # the maps are the project's own files, never user input
    record = session.run(cast(LiteralString, "RETURN [" + ", ".join(literals) + "] AS maps")
                         ).single()
    maps = iter(record["maps"] if record else [])
    merged = []
    for query in queries:
        params: dict[str, Any] = {}
        for _ in query.examples:
            params.update(next(maps))
        merged.append(params)
    return merged


def warm_plans(driver: neo4j.Driver, settings: Settings, queries: QueryLibrary,
               stop: threading.Event | None = None) -> Warmed:
    """Run each of `plans_to_warm` once so that Neo4j has planned it; a query the server
    refuses is noted and the next one runs; the server gone ends the warm-up."""
    warmed = Warmed()
    started = time.perf_counter()
    names = plans_to_warm(queries)
    try:
        with driver.session(database=settings.neo4j_database,
                            default_access_mode=neo4j.READ_ACCESS) as session:
            examples = example_parameters(session, [queries[name] for name in names])
            for name, params in zip(names, examples, strict=True):
                if stop is not None and stop.is_set():
                    break
                query = queries[name]
                query.check(params)
                try:
                    session.run(neo4j.Query(query.text, timeout=settings.warm_plan_seconds),
                                params).consume()
                except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired):
                    raise
                except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as error:
                    warmed.failed[name] = _one_line(error)
                else:
                    warmed.planned.append(name)
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as error:
        unfinished = next((name for name in names
                           if name not in warmed.planned and name not in warmed.failed), "")
        warmed.failed[unfinished] = f"Neo4j went away: {_one_line(error)}"
    warmed.seconds = time.perf_counter() - started
    return warmed


class PlanWarmer:
    """`warm_plans` in a daemon thread, at most once per process for each server and database:
    an API process started again (the tests start many) finds the plans made already."""

    _started: set[tuple[str, str]] = set()
    _lock = threading.Lock()

    def __init__(self, driver: neo4j.Driver, settings: Settings, queries: QueryLibrary) -> None:
        self._stop = threading.Event()
        self.done = threading.Event()
        self.warmed: Warmed | None = None
        self._thread = threading.Thread(target=self._run, args=(driver, settings, queries),
                                        name="kg-plan-warmer", daemon=True)

    @classmethod
    def start(cls, driver: neo4j.Driver, settings: Settings,
              queries: QueryLibrary) -> PlanWarmer | None:
        """A started warmer, or None when this process warmed (or is warming) that server's
        plans already, or the setting turns warm-up off."""
        if settings.warm_plan_seconds <= 0:
            return None
        key = (settings.neo4j_uri, settings.neo4j_database)
        with cls._lock:
            if key in cls._started:
                return None
            cls._started.add(key)
        warmer = cls(driver, settings, queries)
        warmer._thread.start()
        return warmer

    def stop(self) -> None:
        """Ask the thread to stop after the statement it runs; it never holds up a shutdown."""
        self._stop.set()

    def _run(self, driver: neo4j.Driver, settings: Settings, queries: QueryLibrary) -> None:
        try:
            self.warmed = warm_plans(driver, settings, queries, self._stop)
            log.info("plans warmed: %d in %.1f s, %d refused", len(self.warmed.planned),
                     self.warmed.seconds, len(self.warmed.failed))
        except Exception as error:  # a thread's exception would go nowhere: say it in one line
            log.warning("plan warm-up stopped: %s", _one_line(error))
        finally:
            self.done.set()


def _one_line(error: Exception) -> str:
    if isinstance(error, neo4j_errors.Neo4jError) and error.code:
        return error.code
    return str(error).splitlines()[0] if str(error).strip() else type(error).__name__
