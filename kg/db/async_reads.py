"""`Graph.read_together` with its round trips awaited on the event loop: the API's rounds of
reads without a worker-thread hop.

A round's works are the same synchronous services (kg/*.py) over the same named queries; only
the wait for Neo4j changes. `Graph.read_together` runs them on a worker thread, whose hand-off
and wake-up cost about half a millisecond a round (measured 2026-11-28 on idb03: one node by id,
1.63 ms p50 through a thread pool against 1.13 ms on the calling thread and 1.22 ms through the
async driver on uvloop). Here the works run on the event loop up to their first query not read
yet (as rehearsals, pure Python), the queries go out pipelined on one connection of the async
driver, and the loop serves other requests while it waits. A work that asks otherwise than the
last time runs alone on a worker thread, on a session of its own.

Reads see every write the synchronous driver committed before them: the async sessions share
its bookmarks (`SharedBookmarks`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar

import neo4j
import neo4j.api
from neo4j import exceptions as neo4j_errors

from kg.db.graph import Graph, Row, Together, rows_of
from kg.errors import GraphUnavailable, KgError, QueryTimeout

T = TypeVar("T")


class SharedBookmarks(neo4j.api.AsyncBookmarkManager):
    """The synchronous driver's bookmark manager, seen by the async driver's sessions."""

    def __init__(self, shared: neo4j.api.BookmarkManager) -> None:
        self._shared = shared

    async def update_bookmarks(self, previous_bookmarks: Collection[str],
                               new_bookmarks: Collection[str]) -> None:
        self._shared.update_bookmarks(previous_bookmarks, new_bookmarks)

    async def get_bookmarks(self) -> Collection[str]:
        return self._shared.get_bookmarks()


class AsyncReads:
    """The async driver of one event loop, over the same Neo4j and settings as `graph`'s."""

    def __init__(self, graph: Graph) -> None:
        settings = graph.settings
        self.graph = graph
        self.driver = neo4j.AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            connection_acquisition_timeout=10.0,
            max_connection_pool_size=graph.pool_max_size,
            notifications_min_severity="OFF",
        )
        self._bookmarks = SharedBookmarks(graph.driver.execute_query_bookmark_manager)

    async def close(self) -> None:
        await self.driver.close()

    async def read_together(self, works: Sequence[Callable[[Graph], T]]
                            ) -> list[tuple[T, None] | tuple[None, KgError]]:
        """What `Graph.read_together(works)` answers, each batch of queries awaited."""
        graph = self.graph
        graph.transactions_run += 1
        together = Together(graph, works)
        with graph.translated_errors(), graph.counted_session():
            async with self._session() as session:
                while together.waiting:
                    asked, astray = together.ask()
                    for i in astray:  # alone, one query at a time, on a worker thread
                        found = await asyncio.to_thread(_alone, graph, works[i])
                        together.settle(i, lambda _, found=found: _value(found))
                    statements = [(name, params) for _, name, params in asked]
                    together.answer(asked, await self._run_many(session, statements))
        return together.outcomes()

    async def version(self) -> str | None:
        """`Graph.version()` awaited: one auto-commit read."""
        graph = self.graph
        query = graph.queries["admin/graph_version"]
        graph.count(query.name)
        graph.round_trips += 1
        graph.transactions_run += 1
        with graph.translated_errors(), graph.counted_session():
            async with self._session() as session:
                record = await (await session.run(query.text)).single()
        return record["version"] if record else None

    def _session(self) -> neo4j.AsyncSession:
        return self.driver.session(database=self.graph.settings.neo4j_database,
                                   default_access_mode=neo4j.READ_ACCESS,
                                   bookmark_manager=self._bookmarks)

    async def _run_many(self, session: neo4j.AsyncSession,
                        statements: list[tuple[str, dict[str, Any]]]
                        ) -> list[list[Row] | KgError]:
        """`Transaction.run_many` on a READ session of auto-commit statements, awaited."""
        graph = self.graph
        queries = [(graph.queries[name], params) for name, params in statements]
        for query, params in queries:
            query.check(params)
        if not queries:
            return []
        graph.round_trips += 1
        for query, _ in queries:
            graph.count(query.name)
        return await _pipelined(session, [(query.text, params) for query, params in queries],
                                graph.translated_error)


def _alone(graph: Graph, work: Callable[[Graph], T]) -> tuple[T | None, KgError | None]:
    """`work` on a READ session of statements of its own: its value, or the KgError it raised
    (GraphUnavailable and QueryTimeout are raised: they end the round)."""
    try:
        return graph.read_statements(lambda tx: work(graph.within(tx))), None
    except (GraphUnavailable, QueryTimeout):
        raise
    except KgError as exc:
        return None, exc


def _value(outcome: tuple[Any, KgError | None]) -> Any:
    value, error = outcome
    if error is not None:
        raise error
    return value


class _Queued(neo4j.AsyncResult):
    """kg/db/graph.py `_Queued` for the async driver: RUN and PULL sent, the answer read
    later (`rows`)."""

    _sent = False

    async def _attach(self) -> None:
        if self._sent:
            await super()._attach()

    async def rows(self) -> list[Row]:
        self._sent = True
        await self._attach()
        records = [record async for record in self]
        graph = await self.graph()
        return rows_of(records, graph)


async def _pipelined(session: neo4j.AsyncSession, statements: list[tuple[str, dict[str, Any]]],
                     translated: Callable[[neo4j_errors.Neo4jError], KgError | None]
                     ) -> list[list[Row] | KgError]:
    """kg/db/graph.py `_pipelined` on the async driver's private session and result
    internals, the same messages in the same order."""
    config = session._config
    await session._connect(config.default_access_mode)
    connection = session._connection
    bookmarks = await session._get_bookmarks()
    answers: list[list[Row] | KgError] = []
    try:
        results = []
        for text, params in statements:
            result = _Queued(connection, -1, config.warn_notification_severity,
                             _nothing, _nothing, session._make_db_resolution_callback())
            await result._run(text, params, config.database, config.impersonated_user,
                              config.default_access_mode, bookmarks,
                              config.notifications_min_severity,
                              config.notifications_disabled_classifications)
            results.append(result)
        for result in results:
            try:
                answers.append(await result.rows())
            except neo4j_errors.Neo4jError as exc:
                error = translated(exc)
                if error is None:
                    raise
                error.__cause__ = exc
                answers.append(error)
                break
            await session._update_bookmark(result._bookmark)
    finally:
        await session._disconnect()
    return answers


async def _nothing(*_: Any) -> None:
    pass
