"""The Starlette application: one graph connection per process, opened in the lifespan and closed
on shutdown; GraphQL at /graphql (GraphiQL in a browser, bundled from npm by graphiql/ and served
from here, so it works offline), health at /healthz and /readyz, Prometheus metrics at /metrics,
plain JSON at /api/... described by /api/openapi.json; CORS for the configured frontend origins;
one JSON access-log line a request, with the request's id (also in every error and the
X-Request-ID response header)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from graphql import GraphQLError, GraphQLFormattedError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from api import request_id, rest, telemetry
from api.access_log import AccessLog
from api.errors import coded
from api.graphql.cache import (
    Kept,
    Lru,
    PersistedQueries,
    VersionWatch,
    cache_key,
    graph_version,
    is_query,
    role_of,
)
from api.graphql.context import Context, bearer_token
from api.graphql.schema import build_schema
from api.openapi import openapi_document
from kg import config
from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import KgError
from kg.resources import graphiql_dist, project_dir

GRAPHIQL_MISSING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>kg · GraphiQL not built</title></head><body>
<h1>GraphiQL is not built</h1>
<p>Build it once with <code>npm ci --prefix graphiql &amp;&amp;
npm run build --prefix graphiql</code> (<code>./dev up</code> does this),
or send GraphQL as <code>POST /graphql</code>.</p>
</body></html>"""


class GraphQLApp(GraphQL):
    """Strawberry's ASGI view, with the response cache and persisted queries of `cache.py`."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(build_schema(settings), graphql_ide="graphiql")
        self.answers = Lru(settings.response_cache_entries)
        self.persisted = PersistedQueries(settings.persisted_queries)

    async def render_graphql_ide(self, request: Request) -> Response:  # type: ignore[override]
        page = graphiql_dist() / "index.html"
        if not page.is_file():
            return HTMLResponse(GRAPHIQL_MISSING, status_code=503)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    async def get_context(self, request: Request, response: Response) -> Context:  # type: ignore[override]
        return Context.of(request.app.state.graph, request.app.state.settings,
                          bearer_token(request.headers.get("authorization")))

    def should_render_graphql_ide(self, request: Any) -> bool:
        """Not for a GET that names a persisted query (its document is not in the URL)."""
        return ("extensions" not in request.query_params
                and super().should_render_graphql_ide(request))

    async def run(self, request: Request, context: Any = UNSET,  # type: ignore[override]
                  root_value: Any = UNSET) -> Response:
        response = await super().run(request, context, root_value)
        etag = response.headers.get("etag")
        if etag and etag == request.headers.get("if-none-match"):
            return Response(status_code=304, headers={
                "ETag": etag, "Cache-Control": response.headers["cache-control"],
                "Vary": "Authorization"})
        return response

    async def execute_single(  # type: ignore[override]
        self, request: Request, request_adapter: Any, sub_response: Response, context: Context,
        root_value: Any, request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        try:
            document = self.persisted.document(request_data.query, request_data.extensions)
        except KgError as exc:
            return ExecutionResult(data=None, errors=[GraphQLError(str(exc), original_error=exc)])
        request_data = dataclasses.replace(request_data, query=document)
        if document is None or not is_query(document, request_data.operation_name):
            sub_response.headers["Cache-Control"] = "no-store"
            return await super().execute_single(request, request_adapter, sub_response, context,
                                                root_value, request_data)
        if context.token:
            try:  # the role first (one round with the version): it is part of the key
                version, user = await asyncio.gather(
                    context.read(graph_version), context.loaders.user.load(context.token))
            except KgError:  # a wrong token or Neo4j away: answered as usual, and not kept
                version, user = None, None
            key = cache_key(document, request_data.variables, request_data.operation_name,
                            role_of(user))
            kept = self.answers.get(key)
            pending = None
        else:
            key = cache_key(document, request_data.variables, request_data.operation_name,
                            role_of(None))
            kept = self.answers.get(key)
            # nothing kept: the version is read in the answer's first round, before its data
            pending = None if kept else context.batcher.alongside(graph_version)
            version = await self._version(request) if kept else None
        cache_control = ("private, " if context.token else "") + "no-cache"
        if kept is not None and version is not None and kept.version == version:
            _cache_headers(sub_response, kept.etag, cache_control)
            return KeptResult(kept)
        result = await super().execute_single(request, request_adapter, sub_response, context,
                                              root_value, request_data)
        if pending is not None:
            version = await _settled(pending) if pending.done() else None
            pending.cancel()
        if version is None or result.errors or context.personal:
            sub_response.headers["Cache-Control"] = "no-store"
            return result
        kept = Kept.of(version, _body(result))
        self.answers.put(key, kept)
        _cache_headers(sub_response, kept.etag, cache_control)
        return result

    async def _version(self, request: Request) -> str | None:
        try:
            return await request.app.state.version.current()
        except KgError:
            return None

    async def process_result(  # type: ignore[override]
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        if isinstance(result, KeptResult):
            return Encoded(result.kept)  # type: ignore[return-value]
        return _body(result)  # type: ignore[return-value]

    def encode_json(self, data: object) -> str | bytes:
        return data.kept.encoded if isinstance(data, Encoded) else super().encode_json(data)


class Encoded(dict[str, Any]):
    """A kept answer on its way out, already encoded (`encode_json` sends its bytes)."""

    def __init__(self, kept: Kept) -> None:
        super().__init__()
        self.kept = kept


class KeptResult(ExecutionResult):
    def __init__(self, kept: Kept) -> None:
        super().__init__(data=None, errors=None)
        self.kept = kept


async def _settled(pending: asyncio.Future[str | None]) -> str | None:
    try:
        return await pending
    except KgError:
        return None


def _body(result: ExecutionResult) -> dict[str, Any]:
    response: dict[str, Any] = {"data": result.data}
    if result.errors:
        response["errors"] = [with_request_id(coded(error).formatted)
                              for error in result.errors]
    if result.extensions:
        response["extensions"] = result.extensions
    return response


def _cache_headers(response: Response, etag: str, cache_control: str) -> None:
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = cache_control
    response.headers["Vary"] = "Authorization"


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    graph: Graph = request.app.state.graph
    try:
        await run_in_threadpool(graph.verify)  # fails at once while Neo4j is down
        await run_in_threadpool(graph.read, "admin/ping")
    except KgError as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc),
                             "requestId": request_id.current()}, status_code=503)
    return JSONResponse({"status": "ready"})


def with_request_id(error: GraphQLFormattedError) -> GraphQLFormattedError:
    extensions = {**error.get("extensions", {}), "requestId": request_id.current()}
    return {**error, "extensions": extensions}


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or config.from_env()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.graph = Graph(settings, retry_seconds=settings.request_retry_seconds)
        telemetry.watch(app.state.graph)
        app.state.version = VersionWatch(app.state.graph)
        try:
            yield
        finally:
            telemetry.unwatch(app.state.graph)
            app.state.graph.close()

    graphql = GraphQLApp(settings)
    explorer = project_dir("explorer")
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", telemetry.metrics),
            Route("/api/cypher", rest.read_only_cypher, methods=["POST"]),
            Route("/api/neighbourhood/{id}", rest.neighbourhood_elements),
            Route("/api/openapi.json", openapi_document),
            Mount("/graphql/static", StaticFiles(directory=graphiql_dist(), check_dir=False)),
            Mount("/explorer/dist", StaticFiles(directory=explorer / "dist", check_dir=False)),
            Mount("/explorer", StaticFiles(directory=explorer / "public", html=True)),
        ],
        middleware=[
            Middleware(AccessLog),
            Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                       allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
                       expose_headers=["X-Request-ID"]),
        ],
        lifespan=lifespan,
    )
