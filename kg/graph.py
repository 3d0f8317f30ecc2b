"""The one place that talks to the Neo4j driver: connect, run named queries, translate errors.

Reads go through read transactions and writes through write transactions, so a `neo4j://`
URI routes them on a cluster; every transaction shares the driver's bookmark manager, so a
read that follows a write sees it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors

from kg.config import Settings
from kg.errors import (
    AlreadyExists,
    BadInput,
    BadConfiguration,
    GraphAuthFailed,
    GraphUnavailable,
)
from kg.queries import QueryLibrary

T = TypeVar("T")
VALUE_ERROR_CODES = {
    "Neo.ClientError.Statement.TypeError",
    "Neo.ClientError.Statement.ArgumentError",
    "Neo.ClientError.Statement.ArithmeticError",
}
Row = dict[str, Any]


class Transaction:
    """A named-query view of one driver transaction."""

    def __init__(self, graph: Graph, tx: neo4j.ManagedTransaction) -> None:
        self._graph = graph
        self._tx = tx

    def run(self, name: str, **params: Any) -> list[Row]:
        query = self._graph.queries[name]
        query.check(params)
        self._graph.queries_run += 1
        return [record.data() for record in self._tx.run(query.text, params)]


class Graph:
    """A connected graph: the driver, its database and the named queries."""

    def __init__(self, settings: Settings, queries: QueryLibrary | None = None) -> None:
        self.settings = settings
        self.queries = queries or QueryLibrary()
        self.queries_run = 0
        self.driver = neo4j.GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            connection_acquisition_timeout=10.0,
            max_transaction_retry_time=15.0,
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

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def read(self, name: str, **params: Any) -> list[Row]:
        """Run a named query in a read transaction and return its rows as dicts."""
        return self.read_transaction(lambda tx: tx.run(name, **params))

    def write(self, name: str, **params: Any) -> list[Row]:
        """Run a named query in a write transaction and return its rows as dicts."""
        return self.write_transaction(lambda tx: tx.run(name, **params))

    def read_transaction(self, work: Callable[[Transaction], T]) -> T:
        with self.translated_errors(), self._session() as session:
            return session.execute_read(lambda tx: work(Transaction(self, tx)))

    def write_transaction(self, work: Callable[[Transaction], T]) -> T:
        with self.translated_errors(), self._session() as session:
            return session.execute_write(lambda tx: work(Transaction(self, tx)))

    def run_schema_statement(self, statement: LiteralString) -> None:
        """Run one DDL statement from `schema/` (schema commands need an auto-commit call)."""
        with self.translated_errors(), self._session() as session:
            session.run(statement).consume()

    def show(self, statement: LiteralString) -> list[Row]:
        """Run an administrative SHOW command (SHOW INDEXES, SHOW CONSTRAINTS)."""
        with self.translated_errors(), self._session() as session:
            return [record.data() for record in session.run(statement)]

    def _session(self) -> neo4j.Session:
        return self.driver.session(
            database=self.settings.neo4j_database,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        )

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
        except neo4j_errors.ConstraintError as exc:
            raise AlreadyExists(exc.message or str(exc)) from exc
        except neo4j_errors.ClientError as exc:
            if exc.code in VALUE_ERROR_CODES:
                raise BadInput(exc.message or str(exc)) from exc
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise BadConfiguration(
                    f"database {self.settings.neo4j_database!r} does not exist at {uri}: "
                    "check NEO4J_DATABASE"
                ) from exc
            raise
