"""Every GraphQL error leaves with a stable `extensions.code`; unexpected errors are masked and
logged.

| code               | cause                                                              |
|--------------------|--------------------------------------------------------------------|
| NOT_FOUND          | kg NotFound                                                        |
| UNAUTHENTICATED    | kg Unauthenticated (no token where one is needed, or a wrong one)  |
| FORBIDDEN          | kg Forbidden                                                       |
| BAD_INPUT          | kg BadInput / AlreadyExists, invalid GraphQL (syntax, unknown field,|
|                    | variable values of the wrong type)                                 |
| QUERY_TOO_COMPLEX  | over the depth, alias, token, page-size or cost limits             |
| RESPONSE_TOO_LARGE | an answer over the configured number of bytes                      |
| RATE_LIMITED       | too many requests from one address or token (429, Retry-After)     |
| UNAVAILABLE        | Neo4j cannot be reached                                            |
| TIMEOUT            | a query ran past its time limit, or the request past its deadline  |
| QUERY_MEMORY       | a query needed more memory than the server lets one query use      |
| TERMINATED         | a running query was terminated (by an administrator, a shutdown)   |
| PERSISTED_QUERY_NOT_FOUND | a persisted-query hash this process does not know: send the |
|                    | document with it once (Apollo's automatic persisted queries)       |
| INTERNAL           | anything else, including errors that are ours to fix (QueryError,  |
|                    | BadConfiguration, LocalServerError, StatementFailed): masked, logged |

Public messages never carry internals: UNAVAILABLE, TIMEOUT and INTERNAL get fixed texts (the
cause goes to the log with the request's id: the Bolt address, Neo4j's own wording and
settings), and a long quoted value in any message (an id a caller sent) is shortened.
"""

from __future__ import annotations

import logging
import re

from graphql import GraphQLError

from api import request_id
from kg.errors import (
    AlreadyExists,
    BadInput,
    Forbidden,
    GraphAuthFailed,
    GraphUnavailable,
    KgError,
    NotFound,
    QueryTerminated,
    QueryTimeout,
    QueryTooLarge,
    StatementFailed,
    Unauthenticated,
)

log = logging.getLogger("api.errors")

TOO_COMPLEX = re.compile(
    r"exceeds maximum operation depth|aliases found\. Allowed|contains more than \d+ tokens"
    r"|page size"
)


class QueryTooComplex(KgError):
    """A GraphQL document over the configured cost limits."""


class PersistedQueryNotFound(KgError):
    """A persisted-query hash without its document, unknown to this process."""


class ResponseTooLarge(KgError):
    """An answer over the configured number of bytes."""


class DeadlineExceeded(KgError):
    """A request ran past its deadline and was stopped."""


class RateLimited(KgError):
    """Too many requests from one client address or token."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


# Each expected error: its stable code, and the HTTP status of the plain JSON endpoints.
CODES: list[tuple[type[KgError], str, int]] = [
    (NotFound, "NOT_FOUND", 404),
    (Unauthenticated, "UNAUTHENTICATED", 401),
    (Forbidden, "FORBIDDEN", 403),
    (BadInput, "BAD_INPUT", 400),
    (AlreadyExists, "BAD_INPUT", 409),
    (QueryTooComplex, "QUERY_TOO_COMPLEX", 400),
    (ResponseTooLarge, "RESPONSE_TOO_LARGE", 413),
    (RateLimited, "RATE_LIMITED", 429),
    (GraphUnavailable, "UNAVAILABLE", 503),
    (GraphAuthFailed, "UNAVAILABLE", 503),
    (QueryTimeout, "TIMEOUT", 408),
    (DeadlineExceeded, "TIMEOUT", 503),
    (QueryTooLarge, "QUERY_MEMORY", 422),
    (QueryTerminated, "TERMINATED", 409),
    (StatementFailed, "INTERNAL", 500),
    (PersistedQueryNotFound, "PERSISTED_QUERY_NOT_FOUND", 200),
]
INTERNAL = ("INTERNAL", 500)

FIXED_MESSAGES = {
    "UNAVAILABLE": "The graph database is unavailable; try again shortly.",
    "INTERNAL": "Unexpected error.",
}
TIMEOUT_MESSAGE = "The query ran past its time limit; ask for less."
QUOTED = re.compile(r"'([^']{40})[^']{20,}'" + r'|"([^"]{40})[^"]{20,}"')
MAX_MESSAGE = 500


def code_and_status(error: KgError) -> tuple[str, int]:
    """Only the errors listed in CODES are the caller's to act on; any other KgError is ours."""
    for kind, code, status in CODES:
        if isinstance(error, kind):
            return code, status
    return INTERNAL


def public_message(code: str, message: str) -> str:
    """What a client may read of an error: fixed texts where the message could carry internals,
    long quoted values shortened, and never more than MAX_MESSAGE characters."""
    if code in FIXED_MESSAGES:
        return FIXED_MESSAGES[code]
    if code == "TIMEOUT" and not message.startswith("the request ran past"):
        return TIMEOUT_MESSAGE
    shortened = QUOTED.sub(
        lambda m: f"'{m[1]}…'" if m[1] is not None else f'"{m[2]}…"', message)
    return shortened if len(shortened) <= MAX_MESSAGE else shortened[:MAX_MESSAGE] + "…"


def logged(code: str, message: str, original: BaseException | None = None) -> None:
    """Internals go to the log, at a level by how unexpected they are."""
    if code == "INTERNAL":
        log.error("unexpected error (request %s): %s", request_id.current(), message,
                  exc_info=original)
    elif code in ("UNAVAILABLE", "TIMEOUT"):
        log.warning("%s (request %s): %s", code.lower(), request_id.current(), message)


def code_for(error: GraphQLError) -> str:
    original = error.original_error
    if isinstance(original, KgError):
        return code_and_status(original)[0]
    if original is None or isinstance(original, GraphQLError) and error.path is None:
        # graphql-core's own verdict on the document or its variables (syntax, validation,
        # variable values that do not coerce): the client's to fix
        return "QUERY_TOO_COMPLEX" if TOO_COMPLEX.search(error.message) else "BAD_INPUT"
    return "INTERNAL"


def coded(error: GraphQLError) -> GraphQLError:
    """The error as the client sees it: with its code; masked when unexpected."""
    code = code_for(error)
    logged(code, f"{error.message} at {error.path}", error.original_error)
    return GraphQLError(
        public_message(code, error.message), nodes=error.nodes, source=error.source,
        positions=error.positions, path=error.path, original_error=None,
        extensions={**(error.extensions or {}), "code": code},
    )
