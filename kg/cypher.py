"""Read-only ad-hoc Cypher for exploration (`kg cypher`, `POST /api/cypher`).

A query is checked before it runs: EXPLAIN must report a read-only query type ('r'), and its plan
must contain no operator that loads files or opens transactions of its own (LOAD CSV, CALL { ... }
IN TRANSACTIONS). It then runs in a READ transaction, so the server refuses any write that got
past the check, with a server-side timeout and a cap on the rows returned.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from kg.db.graph import Graph
from kg.errors import BadInput, Forbidden

REFUSED_OPERATORS = {"LoadCSV", "TransactionApply", "TransactionForeach"}
MAX_QUERY_LENGTH = 20_000


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    seconds: float


def run_read_only(
    graph: Graph,
    text: str,
    params: dict[str, Any] | None = None,
    timeout: float = 10.0,
    row_cap: int = 1000,
) -> CypherResult:
    if not text.strip():
        raise BadInput("the query is empty")
    if len(text) > MAX_QUERY_LENGTH:
        raise BadInput(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    params = params or {}
    if not isinstance(params, dict):
        raise BadInput("params must be a JSON object")
    query_type, operators = graph.explain(text)
    if query_type != "r":
        raise Forbidden(f"only read-only queries may run here (this one is of type {query_type!r})")
    refused = operators & REFUSED_OPERATORS
    if refused:
        raise Forbidden(f"read-only exploration does not allow {', '.join(sorted(refused))}")
    started = time.perf_counter()
    columns, rows, truncated = graph.run_read_only(text, params, timeout, row_cap)
    return CypherResult(columns, rows, truncated, time.perf_counter() - started)
