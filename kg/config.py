"""Settings, read once from the environment. Nothing else in the project reads `os.environ`.

Each setting is stated once, in `SETTINGS`: its variable, the `Settings` field it fills, its
type and what it means; its default is the field's default. `python -m kg.config` prints the
table of docs/configuration.md from the same list (a test keeps the two equal).
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kg.errors import BadConfiguration
from kg.resources import source_root

LOCAL_DEFAULT_PASSWORD = "kg-local-password"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
URI_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


def _default_state_dir() -> Path:
    root = source_root()
    if root is not None:
        return root / ".kg"
    return Path.home() / ".local" / "share" / "kg"


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = LOCAL_DEFAULT_PASSWORD
    neo4j_database: str = "neo4j"
    neo4j_http_port: int = 7474
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "1g"
    neo4j_transaction_memory: str = "512m"
    neo4j_transaction_memory_total: str = "700m"
    neo4j_jvm_options: str = ""
    state_dir: Path = field(default_factory=_default_state_dir)
    cache_dir: Path = Path.home() / ".cache" / "kg"
    java_home: Path | None = None
    batch_size: int = 1000
    max_line_bytes: int = 16 * 1024 * 1024
    max_json_depth: int = 64
    environment: str = ""
    cors_origins: tuple[str, ...] = ()
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 2000
    max_page_size: int = 100
    cost_budget: int = 25_000
    cost_budget_authenticated: int = 100_000
    cost_list_size: int = 10
    max_response_bytes: int = 10_000_000
    max_body_bytes: int = 1_000_000
    request_deadline: float = 30.0
    rate_limit_address: str = "120/minute"
    rate_limit_token: str = "600/minute"
    rate_limit_storage: str = "memory://"
    search_max_chars: int = 500
    search_max_terms: int = 32
    cypher_timeout: float = 10.0
    cypher_row_cap: int = 1000
    cypher_byte_cap: int = 10_000_000
    retry_seconds: float = 15.0
    request_retry_seconds: float = 2.0
    response_cache_entries: int = 10000
    response_cache_bytes: int = 256_000_000
    persisted_queries: int = 10000
    neighbourhood_exact_edges: int = 20_000
    warm_plan_seconds: float = 300.0

    @property
    def bolt_host(self) -> str:
        return urlsplit(self.neo4j_uri).hostname or "127.0.0.1"

    @property
    def bolt_port(self) -> int:
        return urlsplit(self.neo4j_uri).port or 7687

    @property
    def is_local(self) -> bool:
        return self.bolt_host in LOOPBACK_HOSTS


def _origins(raw: str) -> tuple[str, ...]:
    return tuple(origin.strip() for origin in raw.split(",") if origin.strip())


RATE = re.compile(r"off|\d+\s*(?:/|\s+per\s+)\s*(?:\d+\s*)?(?:second|minute|hour|day)s?",
                  re.IGNORECASE)


def _rate(raw: str) -> str:
    return raw.strip()


@dataclass(frozen=True)
class Setting:
    variable: str
    field: str
    cast: Callable[[str], Any]
    meaning: str

    @property
    def type_name(self) -> str:
        return {int: "integer", float: "number", Path: "path", _origins: "list",
                _rate: "rate"}.get(
            self.cast, "text")


SETTINGS: tuple[Setting, ...] = (
    Setting("NEO4J_URI", "neo4j_uri", str, "`bolt://` or `neo4j://` (routing, clusters), or "
            "their `+s` / `+ssc` forms"),
    Setting("NEO4J_USER", "neo4j_user", str, "Neo4j user"),
    Setting("NEO4J_PASSWORD", "neo4j_password", str, "at least 8 characters; the local default "
            "is refused for a non-loopback host unless KG_ENVIRONMENT=development"),
    Setting("NEO4J_DATABASE", "neo4j_database", str, "database name"),
    Setting("NEO4J_HTTP_PORT", "neo4j_http_port", int, "Neo4j Browser port of the local server"),
    Setting("NEO4J_HEAP", "neo4j_heap", str, "heap of the local server"),
    Setting("NEO4J_PAGECACHE", "neo4j_pagecache", str, "page cache of the local server"),
    Setting("NEO4J_TRANSACTION_MEMORY", "neo4j_transaction_memory", str, "heap one transaction "
            "of the local server may use; a query past it is stopped, not the server"),
    Setting("NEO4J_TRANSACTION_MEMORY_TOTAL", "neo4j_transaction_memory_total", str, "heap all "
            "transactions of the local server may use together"),
    Setting("NEO4J_JVM_OPTIONS", "neo4j_jvm_options", str, "more JVM options, space-separated, "
            "for the local server and neo4j-admin (the tests start theirs with quicker ones)"),
    Setting("KG_STATE_DIR", "state_dir", Path, "local server home, bench databases (default "
            "`<checkout>/.kg`, or `~/.local/share/kg` for an installed wheel)"),
    Setting("KG_CACHE_DIR", "cache_dir", Path, "Neo4j jars resolved by Maven, shared by every "
            "checkout"),
    Setting("KG_JAVA_HOME", "java_home", Path, "the JDK that runs Neo4j (default: a JDK 17 or "
            "21 found on the host)"),
    Setting("KG_BATCH_SIZE", "batch_size", int, "records per ingest write transaction"),
    Setting("KG_MAX_LINE_BYTES", "max_line_bytes", int, "longest input line ingest reads; "
            "longer ones are rejected, a prefix kept in the rejects file"),
    Setting("KG_MAX_JSON_DEPTH", "max_json_depth", int, "deepest nesting of objects and lists "
            "one ingested record may have"),
    Setting("KG_ENVIRONMENT", "environment", str, "`development` allows the default password "
            "on a non-loopback host (the compose network)"),
    Setting("KG_CORS_ORIGINS", "cors_origins", _origins, "comma-separated origins a browser "
            "frontend may call from"),
    Setting("KG_MAX_QUERY_DEPTH", "max_query_depth", int, "deepest GraphQL selection"),
    Setting("KG_MAX_ALIASES", "max_aliases", int, "aliases per GraphQL document"),
    Setting("KG_MAX_TOKENS", "max_tokens", int, "tokens per GraphQL document"),
    Setting("KG_MAX_PAGE_SIZE", "max_page_size", int, "largest `first` / `limitPerType`, in "
            "the API and in every paged service"),
    Setting("KG_COST_BUDGET", "cost_budget", int, "values the estimated answer to a GraphQL "
            "request may hold without a token (page sizes multiplied along each path)"),
    Setting("KG_COST_BUDGET_AUTHENTICATED", "cost_budget_authenticated", int, "the same with a "
            "valid token"),
    Setting("KG_COST_LIST_SIZE", "cost_list_size", int, "the size the estimate assumes for a "
            "list without a page size"),
    Setting("KG_MAX_RESPONSE_BYTES", "max_response_bytes", int, "bytes of JSON a GraphQL answer "
            "may have"),
    Setting("KG_MAX_BODY_BYTES", "max_body_bytes", int, "bytes of request body on /graphql and "
            "/api/*"),
    Setting("KG_REQUEST_DEADLINE", "request_deadline", float, "seconds a GraphQL request may "
            "run"),
    Setting("KG_RATE_LIMIT_ADDRESS", "rate_limit_address", _rate, "requests to /graphql and "
            "/api/* per client address without a valid token: `N/second|minute|hour|day`, or "
            "`off`"),
    Setting("KG_RATE_LIMIT_TOKEN", "rate_limit_token", _rate, "the same per valid token"),
    Setting("KG_RATE_LIMIT_STORAGE", "rate_limit_storage", str, "where the counters live "
            "(per worker); `redis://host:6379` shares them between workers"),
    Setting("KG_SEARCH_MAX_CHARS", "search_max_chars", int, "characters of search or "
            "autocomplete text"),
    Setting("KG_SEARCH_MAX_TERMS", "search_max_terms", int, "words of it sent to Lucene (the "
            "rest is dropped)"),
    Setting("KG_CYPHER_TIMEOUT", "cypher_timeout", float, "seconds an ad-hoc read-only query "
            "may run"),
    Setting("KG_CYPHER_ROW_CAP", "cypher_row_cap", int, "rows an ad-hoc query returns at most"),
    Setting("KG_CYPHER_BYTE_CAP", "cypher_byte_cap", int, "bytes of JSON rows an ad-hoc query "
            "returns at most"),
    Setting("KG_RETRY_SECONDS", "retry_seconds", float, "seconds the CLI retries a transaction "
            "Neo4j could not run"),
    Setting("KG_REQUEST_RETRY_SECONDS", "request_retry_seconds", float, "the same for an API "
            "request, which then answers UNAVAILABLE"),
    Setting("KG_RESPONSE_CACHE_ENTRIES", "response_cache_entries", int, "GraphQL answers each "
            "API process keeps, checked against the graph's version on every request (0: none)"),
    Setting("KG_RESPONSE_CACHE_BYTES", "response_cache_bytes", int, "bytes of JSON those kept "
            "answers hold at most in each API process; the least recently used leave first"),
    Setting("KG_PERSISTED_QUERIES", "persisted_queries", int, "documents each API process "
            "remembers by their SHA-256 (automatic persisted queries)"),
    Setting("KG_NEIGHBOURHOOD_EXACT_EDGES", "neighbourhood_exact_edges", int, "edges a depth-2 "
            "neighbourhood reads at most to count the nodes of a full type exactly; past it, "
            "`truncated` gives bounds from degree reads (`exact: false`; docs/services.md)"),
    Setting("KG_WARM_PLAN_SECONDS", "warm_plan_seconds", float, "seconds each statement of the "
            "API's plan warm-up at start-up may run, its planning included (kg/db/warmup.py; "
            "0: no warm-up)"),
)


def from_env(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment; raise `BadConfiguration` on values that cannot work."""
    env = os.environ if environ is None else environ
    given = {s.field: _cast(s, env[s.variable]) for s in SETTINGS if env.get(s.variable)}
    settings = Settings(**given)
    _validate(settings)
    return settings


def _cast(setting: Setting, raw: str) -> Any:
    try:
        return setting.cast(raw)
    except ValueError:
        raise BadConfiguration(
            f"{setting.variable} must be {_article(setting.type_name)}, got {raw!r}") from None


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def default_of(setting: Setting) -> Any:
    spec = next(f for f in dataclasses.fields(Settings) if f.name == setting.field)
    if spec.default_factory is not dataclasses.MISSING:
        return None
    return spec.default


def settings_table() -> str:
    """The Markdown table of docs/configuration.md."""
    lines = ["| variable | type | default | meaning |", "|---|---|---|---|"]
    for setting in SETTINGS:
        default = default_of(setting)
        if isinstance(default, Path) and default.is_relative_to(Path.home()):
            default = "~/" + default.relative_to(Path.home()).as_posix()
        shown = "" if default in (None, "", ()) else f"`{default}`"
        lines.append(f"| `{setting.variable}` | {setting.type_name} | {shown} | "
                     f"{setting.meaning} |")
    return "\n".join(lines) + "\n"


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise BadConfiguration(f"{name} must be a number, got {raw!r}") from None


RATE = re.compile(r"off|\d+\s*(?:/|\s+per\s+)\s*(?:\d+\s*)?(?:second|minute|hour|day)s?",
                  re.IGNORECASE)


def _validate(settings: Settings) -> None:
    scheme = urlsplit(settings.neo4j_uri).scheme
    if scheme not in URI_SCHEMES:
        raise BadConfiguration(
            "NEO4J_URI must start with bolt:// or neo4j:// (or their +s / +ssc forms), "
            f"got {settings.neo4j_uri!r}"
        )
    if len(settings.neo4j_password) < 8:
        raise BadConfiguration("NEO4J_PASSWORD must have at least 8 characters")
    development = settings.environment == "development"
    if settings.neo4j_password == LOCAL_DEFAULT_PASSWORD and not (settings.is_local or development):
        raise BadConfiguration(
            "NEO4J_PASSWORD is the local development default; set a real password "
            f"for {settings.bolt_host}"
        )
    for name in ("batch_size", "max_page_size", "cypher_row_cap"):
        if getattr(settings, name) < 1:
            variable = next(s.variable for s in SETTINGS if s.field == name)
            raise BadConfiguration(f"{variable} must be at least 1")
    for name in ("response_cache_entries", "response_cache_bytes", "persisted_queries",
                 "neighbourhood_exact_edges",
                 "warm_plan_seconds"):
        if getattr(settings, name) < 0:
            variable = next(s.variable for s in SETTINGS if s.field == name)
            raise BadConfiguration(f"{variable} must not be negative")
    for name in ("cypher_timeout", "retry_seconds", "request_retry_seconds"):
        if not getattr(settings, name) > 0:
            variable = next(s.variable for s in SETTINGS if s.field == name)
            raise BadConfiguration(f"{variable} must be a positive number of seconds")
    for name, value in (("KG_RATE_LIMIT_ADDRESS", settings.rate_limit_address),
                        ("KG_RATE_LIMIT_TOKEN", settings.rate_limit_token)):
        if not RATE.fullmatch(value):
            raise BadConfiguration(f"{name} must look like 120/minute (or be off), got {value!r}")
    for name in ("cost_budget", "cost_budget_authenticated", "cost_list_size",
                 "max_response_bytes", "max_body_bytes", "request_deadline", "search_max_chars",
                 "search_max_terms"):
        if not getattr(settings, name) > 0:
            variable = next(s.variable for s in SETTINGS if s.field == name)
            raise BadConfiguration(f"{variable} must be positive, got {getattr(settings, name)}")
    if settings.max_line_bytes < 1024 or settings.max_json_depth < 8:
        raise BadConfiguration("KG_MAX_LINE_BYTES must be at least 1024 and "
                               "KG_MAX_JSON_DEPTH at least 8")


if __name__ == "__main__":
    print(settings_table(), end="")
