"""Settings, read once from the environment. Nothing else in the project reads `os.environ`.

NEO4J_URI          bolt://127.0.0.1:7687; `bolt://` or `neo4j://` (routing, clusters)
NEO4J_USER         neo4j
NEO4J_PASSWORD     kg-local-password, the local default: refused for a non-loopback host
                   unless KG_ENVIRONMENT=development (the compose network)
NEO4J_DATABASE     neo4j
NEO4J_HTTP_PORT    7474, Neo4j Browser of the local server
NEO4J_HEAP         1g, heap of the local server
NEO4J_PAGECACHE    1g, page cache of the local server
KG_STATE_DIR       <project>/.kg (or ~/.local/share/kg): local server home, bench databases
KG_CACHE_DIR       ~/.cache/kg: Neo4j jars resolved by Maven, shared by every checkout
KG_JAVA_HOME       a JDK 17 or 21 found on the host (Neo4j 5.26 runs on these only)
KG_BATCH_SIZE      1000 records per ingest write transaction
KG_ENVIRONMENT     unset; `development` allows the default password on a non-loopback host
KG_CORS_ORIGINS    none; comma-separated origins a browser frontend may call from
KG_MAX_QUERY_DEPTH 12, deepest GraphQL selection allowed
KG_MAX_ALIASES     30 aliases per GraphQL document
KG_MAX_TOKENS      2000 tokens per GraphQL document
KG_MAX_PAGE_SIZE   100, largest `first` / `limitPerType`
KG_COST_BUDGET     25000 values the estimated answer to a GraphQL request may hold without a
                   token (api/graphql/cost.py: page sizes multiplied along each path)
KG_COST_BUDGET_AUTHENTICATED  100000, the same with a valid token
KG_COST_LIST_SIZE  10, the size the estimate assumes for a list without a page size
KG_MAX_RESPONSE_BYTES  10000000 bytes of JSON a GraphQL answer may have
KG_MAX_BODY_BYTES      1000000 bytes of request body on /graphql and /api/*
KG_REQUEST_DEADLINE    30 seconds a GraphQL request may run
KG_RATE_LIMIT_ADDRESS  120/minute requests to /graphql and /api/* per client address (without a
                   valid token); `N/second|minute|hour|day`, or `off`
KG_RATE_LIMIT_TOKEN    600/minute, the same per valid token
KG_RATE_LIMIT_STORAGE  memory://, where the counters live (per worker); redis://host:6379 to
                   share them between workers (needs the redis package)
KG_SEARCH_MAX_CHARS    500 characters of search or autocomplete text
KG_SEARCH_MAX_TERMS    32 words of it sent to Lucene (the rest is dropped)
KG_CYPHER_TIMEOUT  10 seconds an ad-hoc read-only query may run
KG_CYPHER_ROW_CAP  1000 rows an ad-hoc query returns at most
KG_RETRY_SECONDS   15 seconds the CLI retries a transaction Neo4j could not run
KG_REQUEST_RETRY_SECONDS  2 seconds the same for an API request, which then answers UNAVAILABLE
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kg.errors import BadConfiguration
from kg.resources import source_root

LOCAL_DEFAULT_PASSWORD = "kg-local-password"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
URI_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = LOCAL_DEFAULT_PASSWORD
    neo4j_database: str = "neo4j"
    neo4j_http_port: int = 7474
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "1g"
    state_dir: Path = Path(".kg")
    cache_dir: Path = Path.home() / ".cache" / "kg"
    java_home: Path | None = None
    batch_size: int = 1000
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
    retry_seconds: float = 15.0
    request_retry_seconds: float = 2.0

    @property
    def bolt_host(self) -> str:
        return urlsplit(self.neo4j_uri).hostname or "127.0.0.1"

    @property
    def bolt_port(self) -> int:
        return urlsplit(self.neo4j_uri).port or 7687

    @property
    def is_local(self) -> bool:
        return self.bolt_host in LOOPBACK_HOSTS


def _default_state_dir() -> Path:
    root = source_root()
    if root is not None:
        return root / ".kg"
    return Path.home() / ".local" / "share" / "kg"


def from_env(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment; raise `BadConfiguration` on values that cannot work."""
    env = os.environ if environ is None else environ
    settings = Settings(
        neo4j_uri=env.get("NEO4J_URI", Settings.neo4j_uri),
        neo4j_user=env.get("NEO4J_USER", Settings.neo4j_user),
        neo4j_password=env.get("NEO4J_PASSWORD", Settings.neo4j_password),
        neo4j_database=env.get("NEO4J_DATABASE", Settings.neo4j_database),
        neo4j_http_port=_int(env, "NEO4J_HTTP_PORT", Settings.neo4j_http_port),
        neo4j_heap=env.get("NEO4J_HEAP", Settings.neo4j_heap),
        neo4j_pagecache=env.get("NEO4J_PAGECACHE", Settings.neo4j_pagecache),
        state_dir=Path(env["KG_STATE_DIR"]) if env.get("KG_STATE_DIR") else _default_state_dir(),
        cache_dir=Path(env["KG_CACHE_DIR"]) if env.get("KG_CACHE_DIR") else Settings.cache_dir,
        java_home=Path(env["KG_JAVA_HOME"]) if env.get("KG_JAVA_HOME") else None,
        batch_size=_int(env, "KG_BATCH_SIZE", Settings.batch_size),
        environment=env.get("KG_ENVIRONMENT", ""),
        cors_origins=tuple(o.strip() for o in env.get("KG_CORS_ORIGINS", "").split(",")
                           if o.strip()),
        max_query_depth=_int(env, "KG_MAX_QUERY_DEPTH", Settings.max_query_depth),
        max_aliases=_int(env, "KG_MAX_ALIASES", Settings.max_aliases),
        max_tokens=_int(env, "KG_MAX_TOKENS", Settings.max_tokens),
        max_page_size=_int(env, "KG_MAX_PAGE_SIZE", Settings.max_page_size),
        cost_budget=_int(env, "KG_COST_BUDGET", Settings.cost_budget),
        cost_budget_authenticated=_int(env, "KG_COST_BUDGET_AUTHENTICATED",
                                       Settings.cost_budget_authenticated),
        cost_list_size=_int(env, "KG_COST_LIST_SIZE", Settings.cost_list_size),
        max_response_bytes=_int(env, "KG_MAX_RESPONSE_BYTES", Settings.max_response_bytes),
        max_body_bytes=_int(env, "KG_MAX_BODY_BYTES", Settings.max_body_bytes),
        request_deadline=_float(env, "KG_REQUEST_DEADLINE", Settings.request_deadline),
        rate_limit_address=env.get("KG_RATE_LIMIT_ADDRESS", Settings.rate_limit_address).strip(),
        rate_limit_token=env.get("KG_RATE_LIMIT_TOKEN", Settings.rate_limit_token).strip(),
        rate_limit_storage=env.get("KG_RATE_LIMIT_STORAGE", Settings.rate_limit_storage),
        search_max_chars=_int(env, "KG_SEARCH_MAX_CHARS", Settings.search_max_chars),
        search_max_terms=_int(env, "KG_SEARCH_MAX_TERMS", Settings.search_max_terms),
        cypher_timeout=float(_int(env, "KG_CYPHER_TIMEOUT", int(Settings.cypher_timeout))),
        cypher_row_cap=_int(env, "KG_CYPHER_ROW_CAP", Settings.cypher_row_cap),
        retry_seconds=float(_int(env, "KG_RETRY_SECONDS", int(Settings.retry_seconds))),
        request_retry_seconds=float(_int(env, "KG_REQUEST_RETRY_SECONDS",
                                         int(Settings.request_retry_seconds))),
    )
    _validate(settings)
    return settings


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadConfiguration(f"{name} must be an integer, got {raw!r}") from None


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
    if settings.batch_size < 1:
        raise BadConfiguration("KG_BATCH_SIZE must be at least 1")
    for name, value in (("KG_RATE_LIMIT_ADDRESS", settings.rate_limit_address),
                        ("KG_RATE_LIMIT_TOKEN", settings.rate_limit_token)):
        if not RATE.fullmatch(value):
            raise BadConfiguration(f"{name} must look like 120/minute (or be off), got {value!r}")
    positive = (("KG_COST_BUDGET", settings.cost_budget),
                ("KG_COST_BUDGET_AUTHENTICATED", settings.cost_budget_authenticated),
                ("KG_COST_LIST_SIZE", settings.cost_list_size),
                ("KG_MAX_RESPONSE_BYTES", settings.max_response_bytes),
                ("KG_MAX_BODY_BYTES", settings.max_body_bytes),
                ("KG_REQUEST_DEADLINE", settings.request_deadline),
                ("KG_SEARCH_MAX_CHARS", settings.search_max_chars),
                ("KG_SEARCH_MAX_TERMS", settings.search_max_terms))
    for name, number in positive:
        if number <= 0:
            raise BadConfiguration(f"{name} must be positive, got {number}")
