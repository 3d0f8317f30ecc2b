"""What every resolver gets: the graph, the settings, the caller and the request's DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.concurrency import run_in_threadpool

from api.graphql.loaders import Loaders
from kg import accounts
from kg.accounts import User
from kg.config import Settings
from kg.db.graph import Graph

_UNRESOLVED = object()


@dataclass
class Context:
    graph: Graph
    settings: Settings
    token: str | None
    loaders: Loaders
    operation_name: str | None = None  # as the request gave it (strawberry fills in the first)
    _user: object = field(default=_UNRESOLVED)

    async def user(self) -> User | None:
        """The caller; None without a token; Unauthenticated for a token that is not valid."""
        if self._user is _UNRESOLVED:
            self._user = await run_in_threadpool(accounts.user_for_token, self.graph, self.token)
        return self._user  # type: ignore[return-value]


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None
