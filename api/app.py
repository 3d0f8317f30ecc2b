"""The Starlette application: one graph connection per process, opened in the lifespan and closed
on shutdown; GraphQL at /graphql (GraphiQL in a browser, bundled from npm by graphiql/ and served
from here, so it works offline), health at /healthz and /readyz, Prometheus metrics at /metrics,
plain JSON at /api/... described by /api/openapi.json; CORS for the configured frontend origins;
one JSON access-log line a request, with the request's id (also in every error and the
X-Request-ID response header)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from graphql import GraphQLFormattedError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api import request_id, rest, telemetry
from api.access_log import AccessLog
from api.errors import coded
from api.graphql.context import Context, bearer_token
from api.graphql.loaders import Loaders
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
    async def render_graphql_ide(self, request: Request) -> Response:  # type: ignore[override]
        page = graphiql_dist() / "index.html"
        if not page.is_file():
            return HTMLResponse(GRAPHIQL_MISSING, status_code=503)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    async def get_context(self, request: Request, response: Response) -> Context:  # type: ignore[override]
        graph: Graph = request.app.state.graph
        return Context(
            graph=graph,
            settings=request.app.state.settings,
            token=bearer_token(request.headers.get("authorization")),
            loaders=Loaders(graph),
        )

    async def process_result(  # type: ignore[override]
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        response: dict[str, Any] = {"data": result.data}
        if result.errors:
            response["errors"] = [with_request_id(coded(error).formatted)
                                  for error in result.errors]
        if result.extensions:
            response["extensions"] = result.extensions
        return response  # type: ignore[return-value]


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
        try:
            yield
        finally:
            telemetry.unwatch(app.state.graph)
            app.state.graph.close()

    graphql = GraphQLApp(build_schema(settings), graphql_ide="graphiql")
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
