"""Request bodies on /graphql and /api/* are read at most `max_body_bytes` far: a larger one is
answered 413 with a BAD_INPUT code before the application reads it into memory (by its declared
Content-Length, or, when chunked, as soon as the bytes received pass the bound)."""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LIMITED_PATHS = ("/graphql", "/api/")


class BodyLimit:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(LIMITED_PATHS):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send)  # the client went away
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body_bytes:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"the request body may have at most {self.max_body_bytes:,} bytes"
        body = ({"data": None, "errors": [{"message": message,
                                            "extensions": {"code": "BAD_INPUT"}}]}
                if scope["path"] == "/graphql"
                else {"error": {"code": "BAD_INPUT", "message": message}})
        await JSONResponse(body, status_code=413)(scope, receive, send)
