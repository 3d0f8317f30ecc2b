"""The Starlette application: one graph connection per process, opened in the lifespan and closed
on shutdown; GraphQL (GraphiQL in a browser) at /graphql, health at /healthz and /readyz, plain
JSON at /api/...; CORS for the configured frontend origins; rate limits on /graphql and /api/*;
one JSON access-log line a request.

A GraphQL request is refused before it runs when it is over the cost limits (api/graphql/limits.py),
stopped when it runs past `request_deadline`, and its answer replaced by an error when it comes out
over `max_response_bytes`. It runs on an event loop of its own in a worker thread, so the server's
loop stays free for /healthz and /readyz; /readyz pings Neo4j on a thread limiter of its own, so
it never queues behind busy requests, and answers within `READY_PATIENCE` seconds."""

from __future__ import annotations

import asyncio
import json
import math
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
from cross_web import HTTPException
from graphql import GraphQLError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api import rest
from api.access_log import AccessLog
from api.body_limit import BodyLimit
from api.errors import DeadlineExceeded, ResponseTooLarge, code_and_status, coded, public_message
from api.graphql.context import Context, bearer_token
from api.graphql.loaders import Loaders
from api.graphql.schema import build_schema
from api.ratelimit import RateLimit
from kg import config
from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import KgError
from kg.resources import project_dir

READY_TIMEOUT = 0.25  # a live ping slower than this answers from the last one ...
READY_MEMORY = 15.0  # ... when that one succeeded at most this many seconds ago; else it waits
READY_PATIENCE = 0.9  # this long in all for the live ping before answering "busy"
GRAPHQL_THREADS = 4  # GraphQL operations running at once (2 cores); more wait their turn
# The server's event loop competes for the GIL with the threads that complete answers; a shorter
# switch interval than Python's 5 ms hands it back sooner (measured: the slowest /healthz under
# the probe fell from 0.6 s to 0.4 s, and answers came faster, not slower).
GIL_SWITCH_SECONDS = 0.001


def graphql_error_body(code: str, message: str) -> dict[str, Any]:
    return {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}


class GraphQLApp(GraphQL):
    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self.settings = settings
        self.executions = anyio.CapacityLimiter(GRAPHQL_THREADS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive))
        except HTTPException as exc:
            # strawberry answers these in plain text; a client reads a code, as everywhere
            response = JSONResponse(graphql_error_body("BAD_INPUT", exc.reason),
                                    status_code=exc.status_code)
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        """The request body (or a GET parameter): a JSON object or a batch, else 400."""
        try:
            value = json.loads(data)
        except UnicodeDecodeError:
            raise HTTPException(400, "the body is not UTF-8 text") from None
        except RecursionError:
            raise HTTPException(400, "the JSON is nested too deeply") from None
        if not isinstance(value, dict | list):
            raise HTTPException(400, 'the body must be a JSON object: {"query": "..."}')
        return value

    async def execute_single(self, request: Request, request_adapter: Any, sub_response: Any,
                             context: Context, root_value: Any,
                             request_data: Any) -> ExecutionResult:
        """Runs the operation on an event loop of its own in a worker thread: completing a large
        answer is CPU work that would otherwise hold the server's loop, and with it /healthz,
        /readyz and every other request, for as long as it lasts."""
        context.operation_name = request_data.operation_name
        deadline = self.settings.request_deadline
        expires = time.monotonic() + deadline  # the time waiting for a thread counts too
        execute = super().execute_single

        async def within_deadline() -> ExecutionResult:
            try:
                async with asyncio.timeout_at(expires):  # asyncio's clock is time.monotonic
                    return await execute(request, request_adapter, sub_response, context,
                                         root_value, request_data)
            except TimeoutError:
                message = (f"the request ran past its deadline of {deadline:g} seconds; "
                           "ask for less")
                return ExecutionResult(data=None, errors=[
                    GraphQLError(message, original_error=DeadlineExceeded(message))])

        return await anyio.to_thread.run_sync(lambda: asyncio.run(within_deadline()),
                                              limiter=self.executions)

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        body = self.encode_json(response_data)
        cap = self.settings.max_response_bytes
        if len(body) > cap:
            message = (f"the answer has {len(body):,} bytes, over the cap of {cap:,}; "
                       "ask for smaller pages or fewer fields")
            error = coded(GraphQLError(message, original_error=ResponseTooLarge(message)))
            body = self.encode_json({"data": None, "errors": [error.formatted]})
        response = Response(body, status_code=sub_response.status_code or 200,
                            media_type="application/json")
        response.headers.raw.extend(sub_response.headers.raw)
        response.background = sub_response.background
        return response

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


class Readiness:
    """Whether Neo4j answered the last ping, and when (a ping abandoned by a hurried /readyz
    still records its answer when it comes)."""

    def __init__(self) -> None:
        self.ready_at = -math.inf
        self.threads = anyio.CapacityLimiter(2)  # never queued behind busy requests
        self.pending: set[asyncio.Future[None]] = set()

    def finished(self, ping: asyncio.Future[None]) -> None:
        self.pending.discard(ping)
        if not ping.cancelled():
            ping.exception()  # retrieved here when no /readyz waited for it

    def ping(self, graph: Graph) -> None:
        graph.verify()  # fails at once while Neo4j is down
        graph.read("admin/ping")
        self.ready_at = time.monotonic()


async def readyz(request: Request) -> JSONResponse:
    graph: Graph = request.app.state.graph
    readiness: Readiness = request.app.state.readiness
    ping = asyncio.ensure_future(anyio.to_thread.run_sync(
        readiness.ping, graph, abandon_on_cancel=True, limiter=readiness.threads))
    readiness.pending.add(ping)  # asyncio holds tasks weakly; a hurried answer may leave it
    ping.add_done_callback(readiness.finished)
    finished, _ = await asyncio.wait({ping}, timeout=READY_TIMEOUT)
    age = time.monotonic() - readiness.ready_at
    if not finished and age <= READY_MEMORY:
        return JSONResponse({"status": "ready", "checked_seconds_ago": round(age, 1)})
    if not finished:
        finished, _ = await asyncio.wait({ping}, timeout=READY_PATIENCE - READY_TIMEOUT)
    if not finished:
        return JSONResponse({"status": "busy", "reason": "Neo4j did not answer within "
                             f"{READY_PATIENCE:g} seconds"}, status_code=503)
    try:
        ping.result()
    except KgError as exc:
        code, _ = code_and_status(exc)
        return JSONResponse({"status": "unavailable", "reason": public_message(code, str(exc))},
                            status_code=503)
    return JSONResponse({"status": "ready"})


class VendorFiles(StaticFiles):
    """The explorer's npm packages; a coded 404 when they are not installed."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.directory is None or not Path(self.directory).is_dir():
            response = JSONResponse({"error": {
                "code": "NOT_FOUND",
                "message": "the explorer's npm packages are not installed: "
                           "npm ci --prefix explorer (./dev up does it)"}}, status_code=404)
            await response(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or config.from_env()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.readiness = Readiness()
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        app.state.graph = Graph(settings, retry_seconds=settings.request_retry_seconds)
        try:
            yield
        finally:
            app.state.graph.close()

    graphql = GraphQLApp(build_schema(settings), settings)
    explorer = project_dir("explorer")
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/api/cypher", rest.read_only_cypher, methods=["POST"]),
            Route("/api/neighbourhood/{id:path}", rest.neighbourhood_elements),
            Mount("/explorer/vendor", VendorFiles(
                directory=explorer / "node_modules" / "cytoscape" / "dist", check_dir=False)),
            Mount("/explorer", StaticFiles(directory=explorer, html=True)),
        ],
        middleware=[
            Middleware(AccessLog),
            Middleware(RateLimit, settings=settings),
            Middleware(BodyLimit, max_body_bytes=settings.max_body_bytes),
            Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                       allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["Authorization", "Content-Type"]),
        ],
        lifespan=lifespan,
    )
