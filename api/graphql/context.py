"""What every resolver gets: the graph, the settings, the caller, the request's loaders and the
batcher that runs the request's reads a round at a time (`read`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from api.graphql.loaders import Batcher, Loaders
from kg.accounts import User
from kg.config import Settings
from kg.db.async_reads import AsyncReads
from kg.db.graph import Graph

T = TypeVar("T")


@dataclass
class Context:
    graph: Graph
    settings: Settings
    token: str | None
    reads: AsyncReads | None = None  # the graph's reads awaited on the app's event loop
    personal: bool = field(default=False)
    operation_name: str | None = None  # as the request gave it (strawberry fills in the first)

    @classmethod
    def of(cls, graph: Graph, settings: Settings, token: str | None,
           reads: AsyncReads | None = None) -> Context:
        return cls(graph=graph, settings=settings, token=token, reads=reads)

    @cached_property
    def batcher(self) -> Batcher:
        return Batcher(self.graph, self.reads)

    @cached_property
    def loaders(self) -> Loaders:
        """Built on first use: an answer from the response cache needs none (building the
        forty loaders was a tenth of the time of such a request)."""
        return Loaders(self.batcher)

    def release(self) -> None:
        """Once the request has answered: its loaders' answers dropped (`Loaders.release`)."""
        if "loaders" in self.__dict__:
            self.loaders.release()

    async def read(self, function: Callable[..., T], *args: Any) -> T:
        """`function(graph, *args)`, a read-only service, in the request's next round."""
        return await self.batcher.call(function, *args,
                                       then=self.loaders.named_by(function))

    async def user(self) -> User | None:
        """The caller; None without a token; Unauthenticated for a token that is not valid. An
        answer that asked is the caller's own (`personal`): the response cache keeps it apart."""
        self.personal = True
        return await self.loaders.user.load(self.token) if self.token else None


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None
