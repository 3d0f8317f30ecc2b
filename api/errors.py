"""Every GraphQL error leaves with a stable `extensions.code`; unexpected errors are masked and
logged.

| code               | cause                                                              |
|--------------------|--------------------------------------------------------------------|
| NOT_FOUND          | kg NotFound                                                        |
| UNAUTHENTICATED    | kg Unauthenticated (no token where one is needed, or a wrong one)  |
| FORBIDDEN          | kg Forbidden                                                       |
| BAD_INPUT          | kg BadInput / AlreadyExists, invalid GraphQL (syntax, unknown field,|
|                    | variable values of the wrong type)                                 |
| QUERY_TOO_COMPLEX  | over the depth, alias, token or page-size limits                   |
| UNAVAILABLE        | Neo4j cannot be reached                                            |
| TIMEOUT            | a query ran past its time limit                                    |
| QUERY_MEMORY       | a query needed more memory than the server lets one query use      |
| TERMINATED         | a running query was terminated (by an administrator, a shutdown)   |
| PERSISTED_QUERY_NOT_FOUND | a persisted-query hash this process does not know: send the |
|                    | document with it once (Apollo's automatic persisted queries)       |
| INTERNAL           | anything else, including errors that are ours to fix (QueryError,  |
|                    | BadConfiguration, LocalServerError, StatementFailed): masked, logged |
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


# Each expected error: its stable code, and the HTTP status of the plain JSON endpoints.
CODES: list[tuple[type[KgError], str, int]] = [
    (NotFound, "NOT_FOUND", 404),
    (Unauthenticated, "UNAUTHENTICATED", 401),
    (Forbidden, "FORBIDDEN", 403),
    (BadInput, "BAD_INPUT", 400),
    (AlreadyExists, "BAD_INPUT", 409),
    (QueryTooComplex, "QUERY_TOO_COMPLEX", 400),
    (GraphUnavailable, "UNAVAILABLE", 503),
    (GraphAuthFailed, "UNAVAILABLE", 503),
    (QueryTimeout, "TIMEOUT", 408),
    (QueryTooLarge, "QUERY_MEMORY", 422),
    (QueryTerminated, "TERMINATED", 409),
    (StatementFailed, "INTERNAL", 500),
    (PersistedQueryNotFound, "PERSISTED_QUERY_NOT_FOUND", 200),
]


INTERNAL = ("INTERNAL", 500)
MASKED_MESSAGE = "Unexpected error."


def code_and_status(error: KgError) -> tuple[str, int]:
    """Only the errors listed in CODES are the caller's to act on; any other KgError is ours."""
    for kind, code, status in CODES:
        if isinstance(error, kind):
            return code, status
    return INTERNAL


def public_message(error: KgError) -> str:
    """What the caller may read: the error's own message, or a masked one (logged) when it is
    ours to fix."""
    if code_and_status(error) == INTERNAL:
        log.error("internal error: %s", error, exc_info=error)
        return MASKED_MESSAGE
    return str(error)


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
    message = error.message
    if code == "INTERNAL":
        log.error("unexpected error at %s (request %s)", error.path, request_id.current(),
                  exc_info=error.original_error)
        message = MASKED_MESSAGE
    elif code == "UNAVAILABLE":
        log.warning("graph unavailable (request %s): %s", request_id.current(), error.message)
        message = "The graph database is unavailable; try again shortly."
    return GraphQLError(
        message, nodes=error.nodes, source=error.source, positions=error.positions,
        path=error.path, original_error=None,
        extensions={**(error.extensions or {}), "code": code},
    )
