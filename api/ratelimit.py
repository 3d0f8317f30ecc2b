"""Rate limits on /graphql and /api/*, with the `limits` library (sliding-window counters in
`rate_limit_storage`: in process memory by default, so per worker; `redis://...` shares them).

A request with a valid API token counts against its token (`rate_limit_token`); any other request,
including one with a token that is not valid, counts against its client address
(`rate_limit_address`), so inventing tokens buys nothing. A token's validity is remembered for
`TOKEN_MEMORY` seconds, and checked on a thread limiter of its own so the check never waits behind
busy requests. Over the limit: HTTP 429 with Retry-After and a RATE_LIMITED code (in a GraphQL
body on /graphql). Behind a proxy, run uvicorn with --proxy-headers so the client address is the
caller's, not the proxy's."""

from __future__ import annotations

import math
import time

import anyio
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.graphql.context import bearer_token
from kg import accounts
from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import KgError

LIMITED_PATHS = ("/graphql", "/api/")
TOKEN_MEMORY = 60.0
MAX_REMEMBERED = 10_000


class RateLimit:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.per_address = _limit(settings.rate_limit_address)
        self.per_token = _limit(settings.rate_limit_token)
        self.limiter = SlidingWindowCounterRateLimiter(
            storage_from_string(settings.rate_limit_storage))
        self.valid_until: dict[str, float] = {}  # token hash -> when to check again
        self.token_threads = anyio.CapacityLimiter(4)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(LIMITED_PATHS):
            await self.app(scope, receive, send)
            return
        limit, key = await self._limit_and_key(scope)
        if limit is not None and not self.limiter.hit(limit, key):
            stats = self.limiter.get_window_stats(limit, key)
            retry_after = max(1, math.ceil(stats.reset_time - time.time()))
            message = (f"too many requests: at most {limit.amount} per "
                       f"{limit.get_expiry()} seconds; retry after {retry_after} seconds")
            body: dict = {"error": {"code": "RATE_LIMITED", "message": message}}
            if scope["path"] == "/graphql":
                body = {"data": None, "errors": [
                    {"message": message, "extensions": {"code": "RATE_LIMITED"}}]}
            response = JSONResponse(body, status_code=429,
                                    headers={"Retry-After": str(retry_after)})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _limit_and_key(self, scope: Scope) -> tuple[RateLimitItem | None, str]:
        headers = dict(scope.get("headers") or ())
        token = bearer_token(headers.get(b"authorization", b"").decode("latin-1"))
        if token is not None:
            token_hash = accounts.hash_token(token)
            if await self._valid(scope, token, token_hash):
                return self.per_token, f"token:{token_hash}"
        client = scope.get("client")
        return self.per_address, f"address:{client[0] if client else 'unknown'}"

    async def _valid(self, scope: Scope, token: str, token_hash: str) -> bool:
        if self.valid_until.get(token_hash, 0.0) > time.monotonic():
            return True
        graph: Graph = scope["app"].state.graph
        try:
            await anyio.to_thread.run_sync(accounts.user_for_token, graph, token,
                                           limiter=self.token_threads)
        except KgError:
            return False
        if len(self.valid_until) >= MAX_REMEMBERED:
            self.valid_until.clear()
        self.valid_until[token_hash] = time.monotonic() + TOKEN_MEMORY
        return True


def _limit(spec: str) -> RateLimitItem | None:
    return None if spec.lower() == "off" else parse(spec)
