"""One structured (JSON) log line per HTTP request: request id, method, path, status, duration;
the same request is counted and timed for /metrics, and its id is returned as `X-Request-ID`."""

from __future__ import annotations

import json
import logging
import time

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import request_id, telemetry

log = logging.getLogger("api.access")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        rid = request_id.from_header(Headers(scope=scope).get(request_id.HEADER))
        request_id.set_current(rid)

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            seconds = time.perf_counter() - started
            telemetry.observe_request(scope["path"], scope["method"], status, seconds)
            client = scope.get("client")
            if log.isEnabledFor(logging.INFO):  # the line is built only when it is written
                log.info(json.dumps({
                    "request_id": rid,
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "ms": round(seconds * 1000, 1),
                    "client": client[0] if client else None,
                }))
