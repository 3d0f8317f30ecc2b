"""The Starlette application: one graph connection per process, opened in the lifespan and closed
on shutdown; GraphQL (GraphiQL in a browser) at /graphql, health at /healthz and /readyz, plain
JSON at /api/...; CORS for the configured frontend origins; one JSON access-log line a request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api import rest
from api.access_log import AccessLog
from api.errors import coded
from api.graphql.context import Context, bearer_token
from api.graphql.loaders import Loaders
from api.graphql.schema import build_schema
from kg import config
from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import KgError
from kg.resources import project_dir


class GraphQLApp(GraphQL):
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
            response["errors"] = [coded(error).formatted for error in result.errors]
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
        return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
    return JSONResponse({"status": "ready"})


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or config.from_env()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.graph = Graph(settings, retry_seconds=settings.request_retry_seconds)
        try:
            yield
        finally:
            app.state.graph.close()

    graphql = GraphQLApp(build_schema(settings), graphql_ide="graphiql")
    explorer = project_dir("explorer")
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/api/cypher", rest.read_only_cypher, methods=["POST"]),
            Route("/api/neighbourhood/{id}", rest.neighbourhood_elements),
            Mount("/explorer/dist", StaticFiles(directory=explorer / "dist", check_dir=False)),
            Mount("/explorer", StaticFiles(directory=explorer / "public", html=True)),
        ],
        middleware=[
            Middleware(AccessLog),
            Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                       allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["Authorization", "Content-Type"]),
        ],
        lifespan=lifespan,
    )
