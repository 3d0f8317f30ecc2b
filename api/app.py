"""The Starlette application: one graph connection per process, opened in the lifespan and closed
on shutdown; GraphQL at /graphql (GraphiQL in a browser, bundled from npm by graphiql/ and served
from here, so it works offline), health at /healthz and /readyz, Prometheus metrics at /metrics,
plain JSON at /api/... described by /api/openapi.json; CORS for the configured frontend origins;
one JSON access-log line a request, with the request's id (also in every error and the
X-Request-ID response header).

A GraphQL request is refused before it runs when it is over the cost limits (api/graphql/limits.py),
stopped when it runs past `request_deadline`, and its answer replaced by an error when it comes out
over `max_response_bytes`; /readyz pings Neo4j on a thread limiter of its own, so it never queues
behind busy requests, and answers within `READY_PATIENCE` seconds."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import json
import math
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import orjson
from cross_web import HTTPException
from graphql import GraphQLError, GraphQLFormattedError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from api import request_id, rest, telemetry
from api.access_log import AccessLog
from api.body_limit import BodyLimit
from api.errors import DeadlineExceeded, ResponseTooLarge, code_and_status, coded, public_message
from api.graphql.cache import (
    Kept,
    Lru,
    PersistedQueries,
    VersionWatch,
    cache_key,
    encoded,
    graph_version,
    is_query,
    role_of,
)
from api.graphql.context import Context, bearer_token
from api.graphql.schema import build_schema
from api.openapi import openapi_document
from api.ratelimit import RateLimit
from kg import config
from kg.config import Settings
from kg.db.async_reads import AsyncReads
from kg.db.graph import Graph
from kg.db.warmup import PlanWarmer
from kg.errors import KgError
from kg.resources import graphiql_dist, project_dir

# The keys of a GraphQL request body the kept-answer path reads; a body with any other goes
# through strawberry's view.
_PLAIN_REQUEST_KEYS = frozenset(("query", "variables", "operationName", "extensions"))

GRAPHIQL_MISSING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>kg · GraphiQL not built</title></head><body>
<h1>GraphiQL is not built</h1>
<p>Build it once with <code>npm ci --prefix graphiql &amp;&amp;
npm run build --prefix graphiql</code> (<code>./dev up</code> does this),
or send GraphQL as <code>POST /graphql</code>.</p>
</body></html>"""

READY_TIMEOUT = 0.25  # a live ping slower than this answers from the last one ...
READY_MEMORY = 15.0  # ... when that one succeeded at most this many seconds ago; else it waits
READY_PATIENCE = 0.9  # this long in all for the live ping before answering "busy"
# The server's event loop competes for the GIL with the threads that complete answers; a shorter
# switch interval than Python's 5 ms hands it back sooner (measured: the slowest /healthz under
# the probe fell from 0.6 s to 0.4 s, and answers came faster, not slower).
GIL_SWITCH_SECONDS = 0.001
# An answer allocates thousands of short-lived objects (rows, strawberry objects, futures): at
# Python's default threshold (700) the collector ran every few hundred of them and every tenth
# run scanned the older generation too (issue 10: 10-15% of a profile request's CPU). Objects
# alive when the app starts (modules, the schema) are frozen out of every scan; a young
# generation this size is collected ~30 times less often, each run no longer for it.
GC_YOUNG_THRESHOLD = 20_000


def graphql_error_body(code: str, message: str) -> dict[str, Any]:
    return {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}


class GraphQLApp(GraphQL):
    """Strawberry's ASGI view, with the response cache and persisted queries of `cache.py`."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(build_schema(settings), graphql_ide="graphiql")
        self.settings = settings
        self.answers = Lru(settings.response_cache_entries, settings.response_cache_bytes)
        self.persisted = PersistedQueries(settings.persisted_queries)

    async def render_graphql_ide(self, request: Request) -> Response:  # type: ignore[override]
        page = graphiql_dist() / "index.html"
        if not page.is_file():
            return HTMLResponse(GRAPHIQL_MISSING, status_code=503)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        response = await self._kept_response(request)
        if response is None:
            try:
                response = await self.run(request)
            except HTTPException as exc:
                # strawberry answers these in plain text; a client reads a code, as everywhere
                response = JSONResponse(graphql_error_body("BAD_INPUT", exc.reason),
                                        status_code=exc.status_code)
        await response(scope, receive, send)

    async def _kept_response(self, request: Request) -> Response | None:
        """A kept answer sent without strawberry's view, whose parsing of the request and
        building of a context were most of a cache hit's CPU: for an anonymous POST of a JSON
        body that names a query (or a known persisted query) this process has answered at the
        graph's current version, not asking for a streamed answer. The same status, body and
        headers as the view's (tests/e2e/test_response_cache.py); None for anything else, which
        the view then answers as before (the request keeps its body for it)."""
        if (request.method != "POST" or self.answers.size < 1
                or "authorization" in request.headers
                or request.headers.get("content-type", "").partition(";")[0].strip().lower()
                != "application/json"
                or self._get_stream_transport_from_headers(request.headers) is not None):
            return None
        try:
            data = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            return None
        if type(data) is not dict or not data.keys() <= _PLAIN_REQUEST_KEYS:
            return None
        variables, operation_name = data.get("variables"), data.get("operationName")
        extensions = data.get("extensions")
        if any(value is not None and type(value) is not kind for value, kind in (
                (variables, dict), (operation_name, str), (extensions, dict))):
            return None
        try:
            document = self.persisted.document(data.get("query"), extensions)
        except KgError:
            return None
        if type(document) is not str:
            return None
        kept = self.answers.get(cache_key(document, variables, operation_name,
                                          role_of(None)))
        if kept is None or kept.version is None \
                or len(kept.encoded) > self.settings.max_response_bytes \
                or kept.version != await self._version(request):
            return None
        headers = _kept_headers(kept.etag, "no-cache")
        if kept.etag == request.headers.get("if-none-match"):
            return Response(status_code=304, headers=headers)
        return Response(kept.encoded, media_type="application/json", headers=headers)

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

    async def execute_single(  # type: ignore[override]
        self, request: Request, request_adapter: Any, sub_response: Response, context: Context,
        root_value: Any, request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """The operation within the request's deadline (time waiting for a worker thread
        counts too)."""
        context.operation_name = request_data.operation_name
        deadline = self.settings.request_deadline
        try:
            async with asyncio.timeout(deadline):
                return await self._execute_cached(request, request_adapter, sub_response,
                                                  context, root_value, request_data)
        except TimeoutError:
            message = f"the request ran past its deadline of {deadline:g} seconds; ask for less"
            return ExecutionResult(data=None, errors=[
                GraphQLError(message, original_error=DeadlineExceeded(message))])

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
        state = request.app.state
        context = Context.of(state.graph, state.settings,
                             bearer_token(request.headers.get("authorization")), state.reads)
        request.state.kg_context = context  # released when the request has answered (`run`)
        return context

    def should_render_graphql_ide(self, request: Any) -> bool:
        """Not for a GET that names a persisted query (its document is not in the URL)."""
        return ("extensions" not in request.query_params
                and super().should_render_graphql_ide(request))

    async def run(self, request: Request, context: Any = UNSET,  # type: ignore[override]
                  root_value: Any = UNSET) -> Response:
        try:
            response = await super().run(request, context, root_value)
        finally:
            kept: Context | None = getattr(request.state, "kg_context", None)
            if kept is not None:
                kept.release()
        etag = response.headers.get("etag")
        if etag and etag == request.headers.get("if-none-match"):
            return Response(status_code=304,
                            headers=_kept_headers(etag, response.headers["cache-control"]))
        return response

    async def _execute_cached(  # type: ignore[override]
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
        cache_control = ("private, " if context.token else "") + "no-cache"
        if self.answers.size < 1:  # no response cache: no version to read, the ETag still sent
            result = await super().execute_single(request, request_adapter, sub_response,
                                                  context, root_value, request_data)
            if result.errors or context.personal:
                sub_response.headers["Cache-Control"] = "no-store"
                return result
            return _sent(sub_response, Kept.of(None, _body(result)), cache_control)
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
        if kept is not None and version is not None and kept.version == version:
            sub_response.headers.update(_kept_headers(kept.etag, cache_control))
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
        self.answers.put(key, kept, len(kept.encoded))
        return _sent(sub_response, kept, cache_control)

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
        return data.kept.encoded if isinstance(data, Encoded) else encoded(data)


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


def _sent(response: Response, kept: Kept, cache_control: str) -> KeptResult:
    """The answer as encoded once (for its ETag), sent as is."""
    response.headers.update(_kept_headers(kept.etag, cache_control))
    return KeptResult(kept)


def _kept_headers(etag: str, cache_control: str) -> dict[str, str]:
    """The headers of a kept answer, sent whole or as 304."""
    return {"ETag": etag, "Cache-Control": cache_control, "Vary": "Authorization"}


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
        return JSONResponse({"status": "unavailable", "reason": public_message(code, str(exc)),
                             "requestId": request_id.current()}, status_code=503)
    return JSONResponse({"status": "ready"})


def with_request_id(error: GraphQLFormattedError) -> GraphQLFormattedError:
    extensions = {**error.get("extensions", {}), "requestId": request_id.current()}
    return {**error, "extensions": extensions}


class BuiltFiles(StaticFiles):
    """Files an npm build makes (the explorer's bundle); a coded 404 when it has not run."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.directory is None or not Path(self.directory).is_dir():
            response = JSONResponse({"error": {
                "code": "NOT_FOUND",
                "message": "the explorer is not built: npm ci --prefix explorer && "
                           "npm run build --prefix explorer (./dev up does it)"}},
                status_code=404)
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
        app.state.reads = AsyncReads(app.state.graph)
        telemetry.watch(app.state.graph)
        app.state.version = VersionWatch(app.state.reads.version)
        app.state.plan_warmer = PlanWarmer.start(app.state.graph.driver, settings,
                                                 app.state.graph.queries)
        thresholds = gc.get_threshold()
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *thresholds[1:])
        try:
            yield
        finally:
            gc.set_threshold(*thresholds)
            gc.unfreeze()  # an app started again in this process (tests) is collected as usual
            if app.state.plan_warmer is not None:
                app.state.plan_warmer.stop()
            telemetry.unwatch(app.state.graph)
            await app.state.reads.close()
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
            Route("/api/neighbourhood/{id:path}", rest.neighbourhood_elements),
            Route("/api/openapi.json", openapi_document),
            Mount("/graphql/static", StaticFiles(directory=graphiql_dist(), check_dir=False)),
            Mount("/explorer/dist", BuiltFiles(directory=explorer / "dist", check_dir=False)),
            Mount("/explorer", StaticFiles(directory=explorer / "public", html=True)),
        ],
        middleware=[
            Middleware(AccessLog),
            Middleware(RateLimit, settings=settings),
            Middleware(BodyLimit, max_body_bytes=settings.max_body_bytes),
            Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                       allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
                       expose_headers=["X-Request-ID"]),
        ],
        lifespan=lifespan,
    )
