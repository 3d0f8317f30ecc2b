"""Prometheus metrics, served at /metrics in the text format of `prometheus_client`.

| metric                       | labels                | what                                  |
|------------------------------|-----------------------|---------------------------------------|
| kg_http_requests_total       | route, method, status | HTTP requests answered                |
| kg_http_request_seconds      | route                 | their latency (histogram)             |
| kg_graphql_operations_total  | operation, code       | GraphQL operations, per root field    |
| kg_graphql_operation_seconds | operation             | their latency (histogram)             |
| kg_neo4j_sessions_in_use     |                       | driver sessions open (each holds a    |
|                              |                       | pooled connection while it works)     |
| kg_neo4j_pool_max_size       |                       | the driver's connection pool size     |
| kg_cache_lookups_total       | cache, result         | cache hits and misses                 |

Labels are bounded: `route` is one of the app's routes (or `other`), `operation` is
`<query|mutation>.<root field>` for a document that passed validation (the schema bounds it),
`invalid` for one refused before execution; `code` is `OK` or the first error's
`extensions.code`. The Python driver does not publish its pool's in-use and idle counts, so the
pool is seen through the sessions the graph has open.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator

from graphql.language import ast
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from api.errors import code_for
from kg.db.graph import Graph

ROUTES = ("/graphql", "/healthz", "/readyz", "/metrics", "/api/cypher", "/api/neighbourhood",
          "/explorer")

HTTP_REQUESTS = Counter("kg_http_requests", "HTTP requests answered, by route, method and status",
                        ["route", "method", "status"])
HTTP_SECONDS = Histogram("kg_http_request_seconds", "HTTP request latency by route", ["route"])
GRAPHQL_OPERATIONS = Counter(
    "kg_graphql_operations", "GraphQL operations by root field and result code",
    ["operation", "code"])
GRAPHQL_SECONDS = Histogram("kg_graphql_operation_seconds",
                            "GraphQL operation latency by root field", ["operation"])
CACHE_LOOKUPS = Counter("kg_cache_lookups", "Cache lookups by cache and result (hit or miss)",
                        ["cache", "result"])


def route_of(path: str) -> str:
    for route in ROUTES:
        if path == route or path.startswith(route + "/"):
            return route
    return "other"


def observe_request(path: str, method: str, status: int, seconds: float) -> None:
    route = route_of(path)
    HTTP_REQUESTS.labels(route, method, str(status)).inc()
    HTTP_SECONDS.labels(route).observe(seconds)


class _GraphPool(Collector):
    """The sessions in use across the graphs the app serves from (one per app)."""

    def __init__(self) -> None:
        self.graphs: weakref.WeakSet[Graph] = weakref.WeakSet()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        graphs = list(self.graphs)
        yield GaugeMetricFamily("kg_neo4j_sessions_in_use", "Neo4j driver sessions open",
                                value=sum(g.sessions_in_use for g in graphs))
        yield GaugeMetricFamily("kg_neo4j_pool_max_size", "Neo4j driver connection pool size",
                                value=sum(g.pool_max_size for g in graphs))


_POOL = _GraphPool()
REGISTRY.register(_POOL)


def watch(graph: Graph) -> None:
    """Report this graph's sessions at /metrics, until `unwatch`."""
    _POOL.graphs.add(graph)


def unwatch(graph: Graph) -> None:
    _POOL.graphs.discard(graph)


async def metrics(request: Request) -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


def _root_fields(document: ast.DocumentNode, operation_name: str | None) -> tuple[str, list[str]]:
    for definition in document.definitions:
        if not isinstance(definition, ast.OperationDefinitionNode):
            continue
        if operation_name and (definition.name is None
                               or definition.name.value != operation_name):
            continue
        fields = sorted({s.name.value for s in definition.selection_set.selections
                         if isinstance(s, ast.FieldNode)})
        return definition.operation.value, fields
    return "query", []


class OperationTelemetry(SchemaExtension):
    """Counts and times every GraphQL operation by its root fields and result code."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        seconds = time.perf_counter() - started
        context = self.execution_context
        errors = list(context.pre_execution_errors or ())
        if context.result is not None:
            errors += context.result.errors or []
        code = code_for(errors[0]) if errors else "OK"
        operations = ["invalid"]
        # an error without a path is the document's (syntax, validation, limits): its field
        # names are the caller's, not the schema's, and stay out of the labels
        if context.graphql_document is not None and all(e.path for e in errors):
            kind, fields = _root_fields(context.graphql_document, context.operation_name)
            operations = [f"{kind}.{field}" for field in fields] or ["invalid"]
        for operation in operations:
            GRAPHQL_OPERATIONS.labels(operation, code).inc()
            GRAPHQL_SECONDS.labels(operation).observe(seconds)
