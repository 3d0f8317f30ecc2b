"""The read-only Cypher policy, without a database: the leading clause and the verdict on a plan
as EXPLAIN reports it."""

from __future__ import annotations

import pytest

from kg.cypher import ALLOWED_PROCEDURES, check_plan, check_text, first_clause
from kg.db.graph import Explained
from kg.errors import BadInput, Forbidden


@pytest.mark.parametrize(("text", "clause"), [
    ("MATCH (n) RETURN n", "MATCH"),
    ("  optional match (n) return n", "OPTIONAL"),
    ("// a comment\n/* and\nanother */ SHOW TRANSACTIONS", "SHOW"),
    ("\n\tterminate transactions 'neo4j-transaction-1'", "TERMINATE"),
    ("USE system SHOW USERS", "USE"),
    ("CYPHER runtime=slotted MATCH (n) RETURN n", "CYPHER"),
    ("(n)", ""),
])
def test_the_first_clause_is_read_past_space_and_comments(text: str, clause: str) -> None:
    assert first_clause(text) == clause


@pytest.mark.parametrize("text", [
    "SHOW TRANSACTIONS",
    "show transactions yield *",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "/* hidden */ SHOW SETTINGS",
    "USE system SHOW USERS",
    "EXPLAIN MATCH (n) RETURN n",
    "PROFILE MATCH (n) RETURN n",
    "CYPHER runtime=slotted MATCH (n) RETURN n",
    "CREATE (n:Paper)",
    "DROP INDEX paper_text",
    "ALTER USER neo4j SET PASSWORD 'x'",
])
def test_a_query_that_does_not_start_with_a_reading_clause_is_refused(text: str) -> None:
    with pytest.raises(Forbidden):
        check_text(text)


@pytest.mark.parametrize("text", ["", "   ", "MATCH (n) RETURN n" + " " * 20_000])
def test_an_empty_or_overlong_query_is_bad_input(text: str) -> None:
    with pytest.raises(BadInput):
        check_text(text)


def _plan(operators: set[str], procedures: set[str] = frozenset(), kind: str = "r") -> Explained:
    return Explained(kind, {"ProduceResults", *operators}, set(procedures))


@pytest.mark.parametrize("operator", [
    "ShowTransactions", "TerminateTransactions", "ShowSettings", "ShowIndexes", "ShowUsers",
    "LoadCSV", "TransactionApply", "TransactionForeach",
])
def test_a_plan_that_administers_the_server_is_refused_although_explain_calls_it_a_read(
    operator: str
) -> None:
    with pytest.raises(Forbidden, match=operator):
        check_plan(_plan({operator}))


@pytest.mark.parametrize("procedure", [
    "db.stats.retrieve", "db.stats.collect", "db.stats.clear", "db.resampleIndex",
    "db.resampleOutdatedIndexes", "db.prepareForReplanning", "dbms.components",
    "db.info", "db.ping", "db.awaitIndexes", "",
])
def test_a_procedure_off_the_allow_list_is_refused(procedure: str) -> None:
    with pytest.raises(Forbidden, match="procedure"):
        check_plan(_plan({"ProcedureCall"}, {procedure}))


@pytest.mark.parametrize("procedure", sorted(ALLOWED_PROCEDURES))
def test_a_procedure_on_the_allow_list_passes(procedure: str) -> None:
    check_plan(_plan({"ProcedureCall"}, {procedure}))


@pytest.mark.parametrize("kind", ["rw", "w", "s", ""])
def test_a_plan_that_is_not_a_read_is_refused(kind: str) -> None:
    with pytest.raises(Forbidden):
        check_plan(_plan({"NodeByLabelScan"}, kind=kind))


def test_a_plain_read_plan_passes() -> None:
    check_plan(_plan({"NodeByLabelScan", "Expand(All)", "EagerAggregation", "Top"}))
