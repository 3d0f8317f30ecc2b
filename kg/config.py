"""Settings, read once from the environment. Nothing else in the project reads `os.environ`.

NEO4J_URI          bolt://127.0.0.1:7687; `bolt://` or `neo4j://` (routing, clusters)
NEO4J_USER         neo4j
NEO4J_PASSWORD     kg-local-password, the local default: refused for a non-loopback host
                   unless KG_ENVIRONMENT=development (the compose network)
NEO4J_DATABASE     neo4j
NEO4J_HTTP_PORT    7474, Neo4j Browser of the local server
NEO4J_HEAP         1g, heap of the local server
NEO4J_PAGECACHE    1g, page cache of the local server
NEO4J_TRANSACTION_MEMORY        512m, heap one transaction of the local server may use
NEO4J_TRANSACTION_MEMORY_TOTAL  700m, heap all transactions together may use (of a 1g heap)
KG_STATE_DIR       <project>/.kg (or ~/.local/share/kg): local server home, bench databases
KG_CACHE_DIR       ~/.cache/kg: Neo4j jars resolved by Maven, shared by every checkout
KG_JAVA_HOME       a JDK 17 or 21 found on the host (Neo4j 5.26 runs on these only)
KG_BATCH_SIZE      1000 records per ingest write transaction
KG_MAX_LINE_BYTES  16777216 (16 MiB), longest input line ingest reads; longer ones are rejected
KG_MAX_JSON_DEPTH  64 levels of nested JSON objects and lists one ingested record may have
KG_ENVIRONMENT     unset; `development` allows the default password on a non-loopback host
KG_CORS_ORIGINS    none; comma-separated origins a browser frontend may call from
KG_MAX_QUERY_DEPTH 12, deepest GraphQL selection allowed
KG_MAX_ALIASES     30 aliases per GraphQL document
KG_MAX_TOKENS      2000 tokens per GraphQL document
KG_MAX_PAGE_SIZE   100, largest `first` / `limitPerType`
KG_CYPHER_TIMEOUT  10 seconds an ad-hoc read-only query may run
KG_CYPHER_ROW_CAP  1000 rows an ad-hoc query returns at most
KG_CYPHER_BYTE_CAP 10000000 bytes of JSON rows an ad-hoc query returns at most
KG_RETRY_SECONDS   15 seconds the CLI retries a transaction Neo4j could not run
KG_REQUEST_RETRY_SECONDS  2 seconds the same for an API request, which then answers UNAVAILABLE
"""

from __future__ import annotations

import os
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
    neo4j_transaction_memory: str = "512m"
    neo4j_transaction_memory_total: str = "700m"
    state_dir: Path = Path(".kg")
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
    cypher_timeout: float = 10.0
    cypher_row_cap: int = 1000
    cypher_byte_cap: int = 10_000_000
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
        neo4j_transaction_memory=env.get("NEO4J_TRANSACTION_MEMORY",
                                         Settings.neo4j_transaction_memory),
        neo4j_transaction_memory_total=env.get("NEO4J_TRANSACTION_MEMORY_TOTAL",
                                               Settings.neo4j_transaction_memory_total),
        state_dir=Path(env["KG_STATE_DIR"]) if env.get("KG_STATE_DIR") else _default_state_dir(),
        cache_dir=Path(env["KG_CACHE_DIR"]) if env.get("KG_CACHE_DIR") else Settings.cache_dir,
        java_home=Path(env["KG_JAVA_HOME"]) if env.get("KG_JAVA_HOME") else None,
        batch_size=_int(env, "KG_BATCH_SIZE", Settings.batch_size),
        max_line_bytes=_int(env, "KG_MAX_LINE_BYTES", Settings.max_line_bytes),
        max_json_depth=_int(env, "KG_MAX_JSON_DEPTH", Settings.max_json_depth),
        environment=env.get("KG_ENVIRONMENT", ""),
        cors_origins=tuple(o.strip() for o in env.get("KG_CORS_ORIGINS", "").split(",")
                           if o.strip()),
        max_query_depth=_int(env, "KG_MAX_QUERY_DEPTH", Settings.max_query_depth),
        max_aliases=_int(env, "KG_MAX_ALIASES", Settings.max_aliases),
        max_tokens=_int(env, "KG_MAX_TOKENS", Settings.max_tokens),
        max_page_size=_int(env, "KG_MAX_PAGE_SIZE", Settings.max_page_size),
        cypher_timeout=float(_int(env, "KG_CYPHER_TIMEOUT", int(Settings.cypher_timeout))),
        cypher_row_cap=_int(env, "KG_CYPHER_ROW_CAP", Settings.cypher_row_cap),
        cypher_byte_cap=_int(env, "KG_CYPHER_BYTE_CAP", Settings.cypher_byte_cap),
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
    if settings.max_line_bytes < 1024 or settings.max_json_depth < 8:
        raise BadConfiguration("KG_MAX_LINE_BYTES must be at least 1024 and "
                               "KG_MAX_JSON_DEPTH at least 8")
