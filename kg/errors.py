"""The one error hierarchy of the project. The CLI prints these as one line; the API maps them to
stable GraphQL `extensions.code` values.

    KgError
    ├── BadConfiguration        settings that cannot work (bad URI, short password)
    ├── GraphUnavailable        Neo4j cannot be reached
    ├── GraphAuthFailed         Neo4j refused the credentials
    ├── NotFound                no node with that id
    ├── AlreadyExists           a uniqueness constraint refused a write
    ├── BadInput                a caller's argument is invalid
    ├── Forbidden               the caller may not do this
    ├── Unauthenticated         the caller is not signed in
    ├── QueryTimeout            a query ran past its time limit
    ├── QueryTooLarge           a query needed more memory than a transaction may use
    ├── QueryTerminated         a running query was terminated (by an administrator, a shutdown)
    ├── StatementFailed         Neo4j could not run a statement on these values (an index refused
    │                           a value too large to index)
    ├── QueryError              a named query is unknown or called with undeclared parameters
    └── LocalServerError        the local Neo4j server could not be provisioned or started
"""


class KgError(Exception):
    """Base of every error the project raises on purpose."""


class BadConfiguration(KgError):
    """A setting from the environment cannot work."""


class GraphUnavailable(KgError):
    """Neo4j cannot be reached at the configured URI."""


class GraphAuthFailed(KgError):
    """Neo4j refused the configured user name and password."""


class NotFound(KgError):
    """The requested node does not exist."""


class AlreadyExists(KgError):
    """A uniqueness constraint refused a write."""


class BadInput(KgError):
    """An argument given by a caller is invalid."""


class Forbidden(KgError):
    """The caller is known but may not perform this action."""


class Unauthenticated(KgError):
    """The action needs a signed-in caller."""


class QueryTimeout(KgError):
    """A query ran past its time limit and was stopped by the server."""


class QueryTooLarge(KgError):
    """A query needed more memory than a transaction may use and was stopped by the server."""


class QueryTerminated(KgError):
    """A running query was terminated before it finished (TERMINATE TRANSACTIONS, a shutdown)."""


class StatementFailed(KgError):
    """Neo4j could not run a statement on the values it was given (e.g. a property value too
    large for its index)."""


class QueryError(KgError):
    """A named query is unknown, malformed, or called with parameters it does not declare."""


class LocalServerError(KgError):
    """The local Neo4j server could not be provisioned, started or stopped."""
