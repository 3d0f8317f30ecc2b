"""The one place that talks to the Neo4j driver: connect, run named queries, translate errors.

Reads go through read transactions and writes through write transactions, so a `neo4j://`
URI routes them on a cluster; every transaction shares the driver's bookmark manager, so a
read that follows a write sees it.

Every write transaction also sets the graph's version (`admin/bump_graph_version`, a singleton
`GraphVersion` node) to a fresh random value in the same transaction, so any process can tell
with one index seek (`version()`) whether the graph changed since it last looked: the API's
response cache keys on it. A write that bypasses `kg` (Neo4j Browser) does not bump it.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, LiteralString, TypeVar, cast

import neo4j
import neo4j.graph
from neo4j import exceptions as neo4j_errors

from kg.config import Settings
from kg.db.queries import QueryLibrary
from kg.errors import (
    AlreadyExists,
    BadConfiguration,
    BadInput,
    Forbidden,
    GraphAuthFailed,
    GraphUnavailable,
    KgError,
    QueryTerminated,
    QueryTimeout,
    QueryTooLarge,
    StatementFailed,
)

T = TypeVar("T")
POOL_MAX_SIZE = 100  # the driver's default, stated so /metrics can report it
CLOSE_PATIENCE = 10.0  # seconds `Graph.close` waits for the sessions still in use to end
Row = dict[str, Any]


@dataclass(frozen=True)
class Explained:
    """An ad-hoc query as EXPLAIN reports it: its type ('r', 'rw', 'w' or 's'), the operators of
    its plan, and the procedures it calls (by their full names)."""

    query_type: str
    operators: set[str]
    procedures: set[str]


class Transaction:
    """A named-query view of one driver transaction, or of a READ session whose queries are
    auto-commit statements (`Graph.read_statements`); those translate their errors one by one,
    a transaction's are translated where it ends (so the driver can retry transient ones)."""

    def __init__(self, graph: Graph, tx: neo4j.ManagedTransaction | neo4j.Session) -> None:
        self._graph = graph
        self._tx = tx

    def run(self, name: str, /, **params: Any) -> list[Row]:
        query = self._graph.queries[name]
        query.check(params)
        self._graph.count(name)
        self._graph.round_trips += 1
        if isinstance(self._tx, neo4j.Session):
            with self._graph.translated_errors():
                return _rows(self._tx.run(query.text, params))
        return _rows(self._tx.run(query.text, params))

    def run_many(self, statements: Sequence[tuple[str, dict[str, Any]]]
                 ) -> list[list[Row] | KgError]:
        """The rows of each named query, in order. In a READ session of statements the queries
        are pipelined: every RUN goes out before the first answer is read, so the batch costs
        one round trip, not one per query (Bolt lets a client send messages ahead; the driver
        publishes no call for it, see `_pipelined`). A query that fails ends the batch: its
        KgError stands in its place and the queries after it are left out (the server ignores
        them); a failure the project does not translate is raised. In a transaction the
        queries run one after the other."""
        queries = [(self._graph.queries[name], params) for name, params in statements]
        for query, params in queries:
            query.check(params)
        if not isinstance(self._tx, neo4j.Session):
            return [self.run(name, **params) for name, params in statements]
        if not queries:
            return []
        self._graph.round_trips += 1
        for query, _ in queries:
            self._graph.count(query.name)
        with self._graph.translated_errors():
            return _pipelined(self._tx, [(query.text, params) for query, params in queries],
                              self._graph.translated_error)


class Graph:
    """A connected graph: the driver, its database and the named queries."""

    def __init__(
        self, settings: Settings, queries: QueryLibrary | None = None,
        retry_seconds: float | None = None,
    ) -> None:
        """`retry_seconds`: how long a transaction Neo4j could not run is retried (default
        `settings.retry_seconds`); the API passes a short one so a request answers UNAVAILABLE
        within seconds while Neo4j is down rather than hang."""
        self.settings = settings
        self.queries = queries or QueryLibrary()
        self.queries_run = 0
        self.queries_by_name: Counter[str] = Counter()  # what a test counts per named query
        self.round_trips = 0  # waits for Neo4j's answer to named queries (a pipelined batch: one)
        self.sessions_in_use = 0
        self.pool_max_size = POOL_MAX_SIZE
        self._sessions_ended = threading.Condition()
        self.transactions_run = 0  # transactions, and sessions of auto-commit reads, opened
        self.driver = neo4j.GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            connection_acquisition_timeout=10.0,
            max_connection_pool_size=POOL_MAX_SIZE,
            max_transaction_retry_time=(
                settings.retry_seconds if retry_seconds is None else retry_seconds),
            notifications_min_severity="OFF",
        )

    @classmethod
    def connect(cls, settings: Settings, queries: QueryLibrary | None = None) -> Graph:
        """Open a driver and prove that Neo4j answers with these credentials."""
        graph = cls(settings, queries)
        try:
            graph.verify()
        except Exception:
            graph.close()
            raise
        return graph

    def verify(self) -> None:
        with self.translated_errors():
            self.driver.verify_connectivity()

    def close(self, patience: float = CLOSE_PATIENCE) -> None:
        """Close the driver once no session is in use, waiting at most `patience` seconds.

        A request stopped at its deadline leaves its round running on a worker thread; closing
        the driver under it breaks the connection that round is still writing to (a
        `BufferError` in the driver, an unraisable warning later)."""
        with self._sessions_ended:
            self._sessions_ended.wait_for(lambda: self.sessions_in_use == 0, timeout=patience)
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def count(self, name: str) -> None:
        """Count one named query sent."""
        self.queries_run += 1
        self.queries_by_name[name] += 1

    def read(self, name: str, /, **params: Any) -> list[Row]:
        """Run a named query in a read transaction and return its rows as dicts."""
        return self.read_transaction(lambda tx: tx.run(name, **params))

    def write(self, name: str, /, **params: Any) -> list[Row]:
        """Run a named query in a write transaction and return its rows as dicts."""
        return self.write_transaction(lambda tx: tx.run(name, **params))

    def read_transaction(self, work: Callable[[Transaction], T]) -> T:
        """`work` in one read transaction (retried on transient errors). BEGIN travels with the
        first query instead of in a round trip of its own, as the driver's `execute_query` does
        (its `_pipelined_begin` switch, which the driver does not publish for `execute_read`)."""
        self.transactions_run += 1
        with self.translated_errors(), self._session() as session, session._pipelined_begin:
            return session.execute_read(lambda tx: work(Transaction(self, tx)))

    def read_statements(self, work: Callable[[Transaction], T]) -> T:
        """`work` in one READ session (one connection) where every named query it runs is an
        auto-commit statement: one round trip per query, no BEGIN and no COMMIT. Neo4j runs
        transactions at read-committed isolation, so the queries of a read transaction see no
        more consistent a graph than these do; what is lost is the driver's retry of a
        transient error (the statement fails with GraphUnavailable). READ access mode keeps
        them read-only: the server refuses a write (Forbidden)."""
        self.transactions_run += 1
        with self.translated_errors(), self._session(neo4j.READ_ACCESS) as session:
            return work(Transaction(self, session))

    def read_together(self, works: Sequence[Callable[[Graph], T]]
                      ) -> list[tuple[T, None] | tuple[None, KgError]]:
        """Each `work(graph)` over one READ session of statements (as `read_statements`), with
        the queries of all of them pipelined (`Transaction.run_many`): every work runs up to its
        first query not read yet, where it is stopped (by `_Unread`, a BaseException no service
        catches); the queries the works stopped at go out in one batch, one round trip; then
        the works run again from the start, their queries answered from the rows read, up to
        the next query or their end. So n works that each read one query cost one round trip,
        not n; a work with queries one after another costs one per query, as before. Works must
        be pure functions of the rows they read (the services are). The outcome of each work:
        its value, or the KgError it raised; GraphUnavailable and QueryTimeout end them all.
        (kg/db/async_reads.py does the same with the round trips awaited on an event loop.)"""
        self.transactions_run += 1
        together = Together(self, works)
        with self.translated_errors(), self._session(neo4j.READ_ACCESS) as session:
            live = Transaction(self, session)
            while together.waiting:
                asked, astray = together.ask()
                for i in astray:  # one query at a time
                    together.settle(i, lambda work: work(self.within(live)))
                together.answer(asked, live.run_many([(name, params) for _, name, params in asked]))
        return together.outcomes()

    def write_transaction(self, work: Callable[[Transaction], T]) -> T:
        self.transactions_run += 1

        def versioned(tx: neo4j.ManagedTransaction) -> T:
            bound = Transaction(self, tx)
            done = work(bound)
            bound.run("admin/bump_graph_version")
            return done

        with self.translated_errors(), self._session() as session:
            return session.execute_write(versioned)

    def version(self) -> str | None:
        """The graph's current version (changed by every write transaction); None before the
        first write through `kg`. One auto-commit read: a single round trip."""
        query = self.queries["admin/graph_version"]
        self.count("admin/graph_version")
        self.round_trips += 1
        self.transactions_run += 1
        with self.translated_errors(), self._session(neo4j.READ_ACCESS) as session:
            record = session.run(query.text).single()
        return record["version"] if record else None

    def within(self, transaction: Transaction) -> Graph:
        """This graph as seen from inside one open read transaction: services called with it run
        their reads in that transaction (the API batches a request's reads this way)."""
        return _InTransaction(self, transaction)

    def run_schema_statement(self, statement: LiteralString) -> None:
        """Run one DDL statement from `schema/` (schema commands need an auto-commit call)."""
        with self.translated_errors(), self._session() as session:
            session.run(statement).consume()

    def run_schema_statements(self, statements: list[LiteralString]) -> None:
        """Run DDL statements from `schema/` in one transaction: the indexes it creates are
        populated together, by one scan of the store instead of one scan each."""
        with self.translated_errors(), self._session() as session:
            with session.begin_transaction() as tx:
                for statement in statements:
                    tx.run(statement).consume()
                tx.commit()

    def show(self, statement: LiteralString) -> list[Row]:
        """Run an administrative SHOW command (SHOW INDEXES, SHOW CONSTRAINTS)."""
        with self.translated_errors(), self._session() as session:
            return [record.data() for record in session.run(statement)]

    def explain(self, text: str) -> Explained:
        """What EXPLAIN says of an ad-hoc query, without running it."""
        statement = cast(LiteralString, "EXPLAIN " + text)  # ad-hoc exploration, checked here
        with self.translated_errors(), self._session() as session:
            summary = session.run(statement).consume()
        operators: set[str] = set()
        procedures: set[str] = set()
        _walk_plan(summary.plan or {}, operators, procedures)
        return Explained(summary.query_type or "", operators, procedures)

    def run_read_only(
        self, text: str, params: dict[str, Any], timeout: float, row_cap: int, byte_cap: int
    ) -> tuple[list[str], list[Row], bool]:
        """Run an ad-hoc query in one READ transaction with a server-side timeout, never retried;
        returns the column names, the rows as plain JSON values (at most `row_cap` of them and
        at most `byte_cap` bytes of JSON), and whether rows were cut off."""
        query = cast(LiteralString, text)
        session = self._session(neo4j.READ_ACCESS, fetch_size=100)
        with self.translated_errors(), session as opened, \
                opened.begin_transaction(timeout=timeout) as tx:
            result = tx.run(query, params)
            keys = list(result.keys())
            rows: list[Row] = []
            size = 2
            for record in result:
                row = {key: _plain(record[key]) for key in keys}
                size += len(json.dumps(row, ensure_ascii=False).encode()) + 1
                if len(rows) == row_cap or size > byte_cap:
                    if not rows:
                        raise QueryTooLarge(
                            f"the first row of the answer alone is over {byte_cap} bytes")
                    return keys, rows, True
                rows.append(row)
            return keys, rows, False

    @contextmanager
    def _session(self, access_mode: str = neo4j.WRITE_ACCESS, **config: Any
                 ) -> Iterator[neo4j.Session]:
        """A session, counted in `sessions_in_use` while open."""
        with self.counted_session(), self.driver.session(
            database=self.settings.neo4j_database, default_access_mode=access_mode,
            bookmark_manager=self.driver.execute_query_bookmark_manager, **config,
        ) as session:
            yield session

    @contextmanager
    def counted_session(self) -> Iterator[None]:
        """Count one session in `sessions_in_use` while inside (the driver does not publish how
        many of its pooled connections are in use; each open session holds one while it works)."""
        with self._sessions_ended:
            self.sessions_in_use += 1
        try:
            yield
        finally:
            with self._sessions_ended:
                self.sessions_in_use -= 1
                self._sessions_ended.notify_all()

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        """Turn driver exceptions into the project's error tree."""
        uri = self.settings.neo4j_uri
        try:
            yield
        except neo4j_errors.AuthError as exc:
            raise GraphAuthFailed(
                f"Neo4j at {uri} refused user {self.settings.neo4j_user!r}: "
                "check NEO4J_USER and NEO4J_PASSWORD"
            ) from exc
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
            raise GraphUnavailable(
                f"Neo4j is not reachable at {uri}: start it with `kg db start`"
            ) from exc
        except neo4j_errors.ConnectionPoolError as exc:
            raise GraphUnavailable(f"Neo4j at {uri} could not run the transaction: {exc}") from exc
        except OverflowError as exc:
            # the driver packs integers as 64-bit: a larger one (a forged cursor, an ad-hoc
            # query's parameter) is the caller's input to fix
            raise BadInput(f"a number is out of Neo4j's 64-bit integer range: {exc}") from exc
        except neo4j_errors.ConstraintError as exc:
            raise AlreadyExists(exc.message or str(exc)) from exc
        except neo4j_errors.Neo4jError as exc:
            translated = self.translated_error(exc)
            if translated is None:
                raise
            raise translated from exc

    def translated_error(self, exc: neo4j_errors.Neo4jError) -> KgError | None:
        """The project's error for a Neo4j error, or None for one it does not translate."""
        code = exc.code or ""
        message = exc.message or str(exc)
        stopped = stopped_query_error(code)
        if stopped is not None:
            return stopped
        if isinstance(exc, neo4j_errors.TransientError):
            # still failing after the driver's retries: a database starting or stopping, or a
            # lock or pool exhausted by load; the caller may try again later
            return GraphUnavailable(
                f"Neo4j at {self.settings.neo4j_uri} could not run the transaction: {message}")
        if code == "Neo.ClientError.Statement.AccessMode":
            return Forbidden(message or "writes are not allowed here")
        if code.startswith(("Neo.ClientError.Statement.", "Neo.ClientError.Procedure.")):
            return BadInput(message)
        if code == "Neo.DatabaseError.Statement.ExecutionFailed":
            return StatementFailed(f"Neo4j could not run the statement: {message}")
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return BadConfiguration(
                f"database {self.settings.neo4j_database!r} does not exist at "
                f"{self.settings.neo4j_uri}: check NEO4J_DATABASE")
        return None


class _InTransaction(Graph):
    def __init__(self, graph: Graph, transaction: Transaction) -> None:  # no driver of its own
        self.settings = graph.settings
        self.queries = graph.queries
        self._transaction = transaction

    def read_transaction(self, work: Callable[[Transaction], T]) -> T:
        return work(self._transaction)

    def write_transaction(self, work: Callable[[Transaction], T]) -> T:
        raise Forbidden("a write inside a batch of reads")

    def version(self) -> str | None:
        rows = self._transaction.run("admin/graph_version")
        return rows[0]["version"] if rows else None


class Together(Generic[T]):
    """The bookkeeping of `Graph.read_together` (and its awaited twin in kg/db/async_reads.py):
    what each work has read, which works wait, and each work's outcome."""

    def __init__(self, graph: Graph, works: Sequence[Callable[[Graph], T]]) -> None:
        self._graph = graph
        self._works = works
        self._outcomes: dict[int, tuple[T, None] | tuple[None, KgError]] = {}
        self._read: list[list[tuple[str, dict[str, Any], list[Row] | KgError]]] = [
            [] for _ in works]
        self.waiting = list(range(len(works)))

    def ask(self) -> tuple[list[tuple[int, str, dict[str, Any]]], list[int]]:
        """Run every waiting work up to its first query not read yet: the queries they asked
        (work, name, parameters), and the works that asked otherwise than the last time, to be
        run alone (`settle`)."""
        asked: list[tuple[int, str, dict[str, Any]]] = []
        astray: list[int] = []
        for i in self.waiting:
            try:
                rehearsed = self._graph.within(_Rehearsed(self._graph, self._read[i]))
                self._settle(i, lambda work, graph=rehearsed: work(graph))
            except _Unread as unread:
                if unread.astray:
                    astray.append(i)
                else:
                    asked.append((i, unread.name, unread.params))
        return asked, astray

    def settle(self, i: int, run: Callable[[Callable[[Graph], T]], T]) -> None:
        """The outcome of work `i` run by `run` (on a live session, one query at a time)."""
        self._settle(i, run)

    def _settle(self, i: int, run: Callable[[Callable[[Graph], T]], T]) -> None:
        try:
            self._outcomes[i] = (run(self._works[i]), None)
        except (GraphUnavailable, QueryTimeout):
            raise
        except KgError as exc:
            self._outcomes[i] = (None, exc)

    def answer(self, asked: list[tuple[int, str, dict[str, Any]]],
               answers: list[list[Row] | KgError]) -> None:
        """The rows (or error) of each query asked; a failed query ends its batch: the works
        after it ask again in the next one."""
        for (i, name, params), found in zip(asked, answers, strict=False):
            self._read[i].append((name, params, found))
        self.waiting = [i for i, _, _ in asked]

    def outcomes(self) -> list[tuple[T, None] | tuple[None, KgError]]:
        return [self._outcomes[i] for i in range(len(self._works))]


class _Unread(BaseException):  # noqa: N818 - a signal to `read_together`, not an error
    """A work of `Graph.read_together` reached a query whose rows are not read yet; `astray`:
    it asked otherwise than the last time, so it cannot be answered from what was read."""

    def __init__(self, name: str, params: dict[str, Any], astray: bool = False) -> None:
        super().__init__(name)
        self.name = name
        self.params = params
        self.astray = astray


class _Rehearsed(Transaction):
    """The named-query view of a work of `Graph.read_together`: queries it has read answer from
    their rows (or raise their error again); the first other query stops the work (`_Unread`).
    A work that asks otherwise than the last time (it should not: a parameter taken from the
    clock) is run again on the live session, so that it cannot go round for ever."""

    def __init__(self, graph: Graph, read: list[tuple[str, dict[str, Any], list[Row] | KgError]]
                 ) -> None:
        super().__init__(graph, None)  # type: ignore[arg-type] - it never reaches the driver
        self._read = read
        self._next = 0

    def run(self, name: str, /, **params: Any) -> list[Row]:
        if self._next < len(self._read):
            read_name, read_params, answer = self._read[self._next]
            if read_name != name or read_params != params:
                raise _Unread(name, params, astray=True)
            self._next += 1
            if isinstance(answer, KgError):
                raise answer
            return answer
        raise _Unread(name, params)


class _Queued(neo4j.Result):
    """An auto-commit result whose RUN and PULL are sent without waiting for the answer; the
    answer is read later (`rows`), after the other queries of the batch have been sent."""

    _sent = False

    def _attach(self) -> None:
        if self._sent:
            super()._attach()

    def rows(self) -> list[Row]:
        self._sent = True
        self._attach()
        return _rows(self)


def _pipelined(session: neo4j.Session, statements: list[tuple[str, dict[str, Any]]],
               translated: Callable[[neo4j_errors.Neo4jError], KgError | None]
               ) -> list[list[Row] | KgError]:
    """Auto-commit statements on one connection of `session`, all sent before any answer is
    read: what `session.run` does for one query (the same RUN and PULL messages, bookmarks and
    database), without its wait for each answer before the next query may go. It uses the
    driver's private session and result internals (as `read_transaction` uses its
    `_pipelined_begin`); every API request runs through it, so a driver upgrade that changes
    them fails the e2e tests at once."""
    config = session._config
    session._connect(config.default_access_mode)
    connection = session._connection
    bookmarks = session._get_bookmarks()
    answers: list[list[Row] | KgError] = []
    try:
        results = []
        for text, params in statements:
            # every record in one PULL (n=-1): a second PULL would reach the server after the
            # next RUN, which auto-commit refuses while a statement still streams
            result = _Queued(connection, -1, config.warn_notification_severity,
                             _nothing, _nothing, session._make_db_resolution_callback())
            result._run(text, params, config.database, config.impersonated_user,
                        config.default_access_mode, bookmarks, config.notifications_min_severity,
                        config.notifications_disabled_classifications)
            results.append(result)
        for result in results:
            try:
                answers.append(result.rows())
            except neo4j_errors.Neo4jError as exc:
                error = translated(exc)
                if error is None:
                    raise
                error.__cause__ = exc
                answers.append(error)
                break
            session._update_bookmark(result._bookmark)
    finally:
        session._disconnect()  # a connection left failed is reset as it goes back to the pool
    return answers


def _nothing(*_: Any) -> None:
    pass


def stopped_query_error(code: str) -> KgError | None:
    """The error for a query the server stopped: over its memory limit, past its time limit, or
    terminated (TERMINATE TRANSACTIONS, a shutdown). None for any other Neo4j status code."""
    category, _, name = code.removeprefix("Neo.").partition(".")[2].partition(".")
    if category == "General" and "Memory" in name:
        # MemoryPoolOutOfMemoryError (over db.memory.transaction.max or the total), or a heap
        # OutOfMemoryError the server survived
        return QueryTooLarge(
            "the query needed more memory than the server lets one query use; return less "
            "(aggregate, LIMIT, smaller lists)")
    if category == "Transaction" and name.startswith("TransactionTimedOut"):
        return QueryTimeout("the query ran past its time limit and was stopped")
    if category == "Transaction" and name in ("Terminated", "LockClientStopped"):
        return QueryTerminated("the query was terminated before it finished (by an "
                               "administrator or a server shutdown); run it again")
    return None


# Values of these types are taken as the driver hands them; maps and lists are rebuilt around
# them; anything else (nodes, relationships, paths) is exported by the driver as `Record.data`
# exports it.
_PLAIN = frozenset((str, int, float, bool, type(None)))


def _rows(result: neo4j.Result) -> list[Row]:
    """Each record as `record.data()` gives it. The driver keeps every node and relationship
    it hydrates in the result's graph (a path's too); when that graph is empty, every value is
    plain, so each record's values are taken as the driver built them without testing one
    (the lists of a page of papers' authors and topics: ~0.1 ms of 0.5 a page)."""
    records = list(result)
    return rows_of(records, result.graph())


def rows_of(records: list[neo4j.Record], graph: neo4j.graph.Graph) -> list[Row]:
    """The rows of a result's records, given the result's graph (`_rows`)."""
    if records and not graph.nodes and not graph.relationships:
        keys = records[0].keys()
        return [dict(zip(keys, record, strict=True)) for record in records]
    return [_row(record) for record in records]


def _row(record: neo4j.Record) -> Row:
    """`record.data()`, equal to it (tests/integration/test_rows.py), in a tenth of the time:
    the driver's exporter tests every value against abstract base classes, the largest share of
    a worker's CPU under load (a page of 100 co-authors: 11 ms, now 0.9). A map or list whose
    values are all plain is taken as the driver built it (the types tested in C, no copy): the
    100 maps of a page of co-authors were 8% of a profile request's CPU."""
    values = record.values()
    if _PLAIN.issuperset(map(type, values)):
        return dict(zip(record.keys(), values, strict=True))
    return {key: value if type(value) in _PLAIN else _exported(value)
            for key, value in zip(record.keys(), values, strict=True)}


def _exported(value: Any) -> Any:
    """`value` as `Record.data` exports it; a map or list is the very object the driver built
    unless something in it had to be exported (a map of a page's rows holds the map of its
    node: both are taken as they are, not rebuilt)."""
    kind = type(value)
    if kind is dict:
        if _PLAIN.issuperset(map(type, value.values())):
            return value
        exported: dict[str, Any] | None = None
        for key, item in value.items():
            if type(item) not in _PLAIN and (new := _exported(item)) is not item:
                if exported is None:
                    exported = dict(value)
                exported[key] = new
        return value if exported is None else exported
    if kind is list:
        if _PLAIN.issuperset(map(type, value)):
            return value
        changed: list[Any] | None = None
        for i, item in enumerate(value):
            if type(item) not in _PLAIN and (new := _exported(item)) is not item:
                if changed is None:
                    changed = list(value)
                changed[i] = new
        return value if changed is None else changed
    return neo4j.Record({"value": value}).data()["value"]  # the driver's own export


def _walk_plan(plan: dict[str, Any], operators: set[str], procedures: set[str]) -> None:
    operator = str(plan.get("operatorType", "")).split("@")[0]
    if operator:
        operators.add(operator)
    if operator.endswith("ProcedureCall"):
        # the details name the procedure as it resolved: "db.labels() :: (label :: STRING)"
        details = str((plan.get("args") or {}).get("Details", ""))
        match = re.match(r"\s*([\w.]+)\s*\(", details)
        procedures.add(match.group(1) if match else details)
    for child in plan.get("children", []):
        _walk_plan(child, operators, procedures)


def _plain(value: Any) -> Any:
    """A driver value as JSON-ready data: nodes, relationships and paths become objects."""
    if isinstance(value, neo4j.graph.Node):
        return {"elementId": value.element_id, "labels": sorted(value.labels),
                "properties": _plain(dict(value))}
    if isinstance(value, neo4j.graph.Relationship):
        return {"elementId": value.element_id, "type": value.type,
                "start": value.start_node.element_id if value.start_node else None,
                "end": value.end_node.element_id if value.end_node else None,
                "properties": _plain(dict(value))}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value).replace("inf", "Infinity").replace("nan", "NaN")  # as Cypher shows them
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
