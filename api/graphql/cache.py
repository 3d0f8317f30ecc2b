"""Response caching that is never stale, and automatic persisted queries.

**Response cache.** An answer to a query (never a mutation) is kept in the process, keyed by
(document, variables, operation name, the caller's role), together with the graph's version it
was computed at. Every request first reads the graph's current version (one index seek,
`admin/graph_version`); every write transaction of every process (`kg ingest` in a shell, `kg
derive`, `kg trust compute`, the API's mutations) sets a new version in the same transaction
(kg/db/graph.py). A kept answer is served only while the version is unchanged, so the next request
after a write computes afresh. An anonymous POST of a JSON query that a kept answer serves is
answered before strawberry's view parses the request (api/app.py, `GraphQLApp._kept_response`).
Not kept: answers with errors, and answers that looked at who the caller is (`me`): those
belong to one caller, not to a role. The kept answers are bounded by count
(`KG_RESPONSE_CACHE_ENTRIES`) and by their bytes (`KG_RESPONSE_CACHE_BYTES`), and every memo
kept per document (parsed, validated, shown fields, operation kind, persisted queries) by count
and by its documents' characters (`DOCUMENT_CACHE_CHARS`): distinct large documents or answers
cannot grow a process past those bounds.

**HTTP.** GET /graphql?query=...&variables=... works for queries. A cacheable answer carries an
`ETag` (a digest of its body) and `Cache-Control: no-cache` (anonymous; `private, no-cache` with
a token), so browsers and proxies may store it but must revalidate: `If-None-Match` with the
current ETag answers 304 without a body. Answers that must not be stored say `no-store`.

**Persisted queries** (Apollo's automatic persisted queries): a request may send
`extensions: {"persistedQuery": {"version": 1, "sha256Hash": "<hex sha256 of the document>"}}`
without `query` (GET: `extensions` as a JSON query parameter). A hash this process knows runs
its document; an unknown one answers the error `PERSISTED_QUERY_NOT_FOUND` (message
`PersistedQueryNotFound`), and the client sends the document once with its hash, which the
server checks and remembers. Each API process remembers its own documents (a worker that has not
seen one asks for it once).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from strawberry.extensions import SchemaExtension

from api.errors import PersistedQueryNotFound
from kg.accounts import User
from kg.db.graph import Graph
from kg.errors import BadInput, KgError

# The document texts each per-document memo (parsed documents, validated ones, the fields they
# show, their operation's kind, persisted queries) holds at most: a memo bounded only by entries
# would hold 1,000 documents of up to a request body's size (1 MB), each kept with its parse
# (measured: ~0.8 MB retained for a 300 KB document, the memos together).
DOCUMENT_CACHE_CHARS = 8_000_000


class Lru:
    """A mapping bounded by entries and, when `max_bytes` is given, by the bytes its entries
    hold (as `put` is told); the least recently used entry leaves first, and an entry larger
    than the whole budget is not kept."""

    def __init__(self, size: int, max_bytes: int | None = None) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()

    def get(self, key: Hashable) -> Any:
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, key: Hashable, value: Any, nbytes: int = 0) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        if self.size < 1 or (self.max_bytes is not None and nbytes > self.max_bytes):
            return
        self._entries[key] = (value, nbytes)
        self.bytes += nbytes
        while len(self._entries) > self.size or (self.max_bytes is not None
                                                 and self.bytes > self.max_bytes):
            _, (_, gone) = self._entries.popitem(last=False)
            self.bytes -= gone

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True)
class Kept:
    """An answer as sent (its JSON, encoded once), its ETag and the graph version it is of."""

    version: str | None  # None: not kept, only sent (the response cache is off)
    encoded: bytes
    etag: str

    @classmethod
    def of(cls, version: str | None, body: dict[str, Any]) -> Kept:
        text = encoded(body)
        return cls(version, text, '"' + hashlib.sha256(text).hexdigest()[:32] + '"')


def encoded(body: object) -> bytes:
    """A JSON answer as bytes (orjson: several times faster than the json module on the large
    answers of connections and neighbourhoods)."""
    return orjson.dumps(body)


class VersionWatch:
    """The graph's version, read once for every request that is waiting: a request joins the
    next read that starts after it arrived (never one already under way, which may have started
    before a write the caller has seen commit), so under load one read answers many requests."""

    def __init__(self, read_version: Callable[[], Awaitable[str | None]]) -> None:
        self._read_version = read_version  # `AsyncReads.version`: awaited, no thread hop
        self._next: asyncio.Future[str | None] | None = None
        self._reading = False

    async def current(self) -> str | None:
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
            if not self._reading:
                self._reading = True
                asyncio.get_running_loop().create_task(self._read())
        return await asyncio.shield(self._next)

    async def _read(self) -> None:
        try:
            while self._next is not None:
                waiting, self._next = self._next, None
                try:
                    waiting.set_result(await self._read_version())
                except KgError as exc:
                    waiting.set_exception(exc)
        finally:
            self._reading = False


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def graph_version(graph: Graph) -> str | None:
    return graph.version()


def role_of(user: User | None) -> str:
    if user is None:
        return "anonymous"
    return "admin" if user.is_admin else "user"


def cache_key(document: str, variables: dict[str, Any] | None, operation_name: str | None,
              role: str) -> str:
    return sha256(json.dumps([document, variables or {}, operation_name, role], sort_keys=True,
                             default=str))


_QUERIES = Lru(1024, DOCUMENT_CACHE_CHARS)


def is_query(document: str, operation_name: str | None) -> bool:
    """Whether the operation to run is a query (a document that does not parse is not: it is
    left to the executor to refuse)."""
    key = (document, operation_name)
    known = _QUERIES.get(key)
    if known is None:
        known = _is_query(document, operation_name)
        _QUERIES.put(key, known, len(document))
    return known


def _is_query(document: str, operation_name: str | None) -> bool:
    try:
        parsed = parse(document)
    except GraphQLError:
        return False
    operations = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations
              if operation_name is None or (o.name and o.name.value == operation_name)]
    return len(chosen) == 1 and chosen[0].operation == OperationType.QUERY


class ParsedDocuments(SchemaExtension):
    """Documents parsed once (strawberry's ParserCache, bounded by their text's size too)."""

    def __init__(self, kept: Lru) -> None:
        self.kept = kept

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        key = (context.query, *sorted(context.parse_options.items()))
        document = self.kept.get(key)
        if document is None:
            document = parse(context.query, **context.parse_options)
            self.kept.put(key, document, len(context.query or ""))
        context.graphql_document = document
        yield


class PersistedQueries:
    def __init__(self, size: int) -> None:
        self._documents = Lru(size, DOCUMENT_CACHE_CHARS)

    def document(self, query: str | None, extensions: dict[str, Any] | None) -> str | None:
        """The document to run: `query` itself, or the one its persisted-query hash names."""
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            return query
        if not isinstance(persisted, dict) or persisted.get("version") != 1 \
                or not isinstance(persisted.get("sha256Hash"), str):
            raise BadInput("persistedQuery must be {version: 1, sha256Hash: <hex SHA-256>}")
        wanted = persisted["sha256Hash"].lower()
        if query is None:
            known = self._documents.get(wanted)
            if known is None:
                raise PersistedQueryNotFound("PersistedQueryNotFound")
            return known
        if sha256(query) != wanted:
            raise BadInput("provided sha does not match query")
        self._documents.put(wanted, query, len(query))
        return query
