"""The id of the request being served: taken from a well-formed `X-Request-ID` header or made up,
returned as a response header and written into the access-log line and every error, so a client's
report and the server's log meet on it. A context variable carries it into the handlers and the
threads they run in."""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

HEADER = "x-request-id"
_WELL_FORMED = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_current: ContextVar[str | None] = ContextVar("request_id", default=None)


def from_header(value: str | None) -> str:
    """The caller's id when it is a plain token of at most 128 characters (it goes into logs
    and headers verbatim); a new one otherwise."""
    if value and _WELL_FORMED.match(value):
        return value
    return uuid.uuid4().hex


def set_current(value: str) -> None:
    _current.set(value)


def current() -> str | None:
    return _current.get()
