"""Read-only ad-hoc Cypher for exploration (`kg cypher`, `POST /api/cypher`).

Only what is meant passes, checked before the query runs:

- its first clause reads data: MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL (no SHOW,
  TERMINATE, USE, EXPLAIN, PROFILE, CYPHER options, nor any write or schema command);
- EXPLAIN reports it as a read-only query (type 'r');
- its plan has no operator that loads files, opens transactions of its own or administers the
  server (LOAD CSV, CALL { ... } IN TRANSACTIONS, Show*, Terminate*): EXPLAIN calls SHOW and
  TERMINATE TRANSACTIONS "read" queries;
- every procedure it calls is on `ALLOWED_PROCEDURES` (db.stats.*, db.resampleIndex,
  db.prepareForReplanning and dbms.* are "read" procedures too, and act on the server).

It then runs in one READ transaction, so the server refuses any write that got past the checks,
with a server-side timeout, never retried, with the answer capped in rows and in bytes. The
server stops a query that needs more memory than a transaction may use (QueryTooLarge).

A separate Neo4j user would add nothing on Community Edition: it has users but no roles, and
every user may write, create indexes and users, and terminate transactions (see the README).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from kg.db.graph import Explained, Graph
from kg.errors import BadInput, Forbidden

MAX_QUERY_LENGTH = 20_000
READING_CLAUSES = {"MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL"}
REFUSED_OPERATORS = {"LoadCSV", "TransactionApply", "TransactionForeach"}
REFUSED_OPERATOR_PREFIXES = ("Show", "Terminate", "Create", "Drop", "Alter", "Grant", "Revoke",
                             "Deny", "Start", "Stop", "Rename", "Enable")
ALLOWED_PROCEDURES = frozenset({
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
    "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
    "db.index.vector.queryNodes",
    "db.index.vector.queryRelationships",
})

# What may stand before the first clause and is not part of it: space, comments.
_LEADING_NOISE = re.compile(r"(\s+|//[^\n]*|/\*.*?\*/)*", re.DOTALL)
_FIRST_WORD = re.compile(r"[A-Za-z_]+")


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    seconds: float


def first_clause(text: str) -> str:
    """The keyword the query starts with, upper case ('' when it starts with something else)."""
    start = _LEADING_NOISE.match(text)
    rest = text[start.end() if start else 0:]
    word = _FIRST_WORD.match(rest)
    return word.group(0).upper() if word else ""


def check_text(text: str) -> None:
    """Refuse a query that is empty, too long, or does not start with a reading clause."""
    if not text.strip():
        raise BadInput("the query is empty")
    if len(text) > MAX_QUERY_LENGTH:
        raise BadInput(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    clause = first_clause(text)
    if clause not in READING_CLAUSES:
        shown = clause or text.lstrip()[:1]
        raise Forbidden(f"read-only exploration starts with {', '.join(sorted(READING_CLAUSES))}"
                        f"; not with {shown!r}")


def check_plan(explained: Explained) -> None:
    """Refuse a query whose plan writes, administers the server or calls a procedure that is
    not on the allow-list."""
    if explained.query_type != "r":
        raise Forbidden("only read-only queries may run here "
                        f"(this one is of type {explained.query_type!r})")
    refused = {op for op in explained.operators
               if op in REFUSED_OPERATORS or op.startswith(REFUSED_OPERATOR_PREFIXES)}
    if refused:
        raise Forbidden(f"read-only exploration does not allow {', '.join(sorted(refused))}")
    procedures = explained.procedures - ALLOWED_PROCEDURES
    if procedures:
        raise Forbidden(f"read-only exploration does not allow the procedure "
                        f"{', '.join(sorted(procedures))}; allowed: "
                        f"{', '.join(sorted(ALLOWED_PROCEDURES))}")


def run_read_only(
    graph: Graph,
    text: str,
    params: dict[str, Any] | None = None,
    timeout: float = 10.0,
    row_cap: int = 1000,
    byte_cap: int = 10_000_000,
) -> CypherResult:
    check_text(text)
    params = params or {}
    if not isinstance(params, dict):
        raise BadInput("params must be a JSON object")
    check_plan(graph.explain(text))
    started = time.perf_counter()
    columns, rows, truncated = graph.run_read_only(text, params, timeout, row_cap, byte_cap)
    return CypherResult(columns, rows, truncated, time.perf_counter() - started)
