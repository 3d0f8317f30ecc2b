"""What a client reads of an error (api/errors.py): no internals, no megabyte ids; errors that
are ours to fix are INTERNAL and masked."""

from __future__ import annotations

import pytest
from graphql import GraphQLError

from api.errors import MAX_MESSAGE, code_and_status, coded, public_message
from kg.errors import (
    AlreadyExists,
    BadConfiguration,
    BadInput,
    LocalServerError,
    NotFound,
    QueryError,
)

NEO4J_MEMORY = (
    "Neo4j at bolt://10.0.0.5:7687 could not run the transaction: The allocation of an extra "
    "2.0 MiB would use more than the limit 716.8 MiB. Currently using 715.0 MiB. "
    "dbms.memory.transaction.total.max threshold reached")


@pytest.mark.parametrize("code", ["UNAVAILABLE", "TIMEOUT", "INTERNAL"])
def test_messages_that_can_carry_internals_are_fixed_texts(code: str) -> None:
    shown = public_message(code, NEO4J_MEMORY)
    assert "bolt://" not in shown and "dbms.memory" not in shown and "MiB" not in shown


def test_a_long_quoted_id_is_shortened_and_a_short_one_kept() -> None:
    assert public_message("NOT_FOUND", "no node with id 'A5023888391'") \
        == "no node with id 'A5023888391'"
    shown = public_message("NOT_FOUND", "no node with id " + repr("A" * 1_000_000))
    assert len(shown) < 100 and shown.startswith("no node with id 'AAAA") and "…" in shown
    double = public_message("BAD_INPUT", 'bad value "' + "x" * 5000 + '" here')
    assert len(double) < 100 and double.endswith('…" here')


def test_any_message_is_capped() -> None:
    assert len(public_message("BAD_INPUT", "x" * 100_000)) <= MAX_MESSAGE + 1


def test_the_deadline_message_of_a_request_is_kept() -> None:
    message = "the request ran past its deadline of 30 seconds; ask for less"
    assert public_message("TIMEOUT", message) == message


OURS = [QueryError("query 'x' does not declare parameter(s) ['y']"),
        BadConfiguration("NEO4J_URI must start with bolt://"),
        LocalServerError("java not found at /opt/jdk")]


@pytest.mark.parametrize("error", OURS, ids=lambda e: type(e).__name__)
def test_errors_that_are_ours_to_fix_are_internal_and_masked(error: Exception) -> None:
    assert code_and_status(error) == ("INTERNAL", 500)
    answer = coded(GraphQLError(str(error), original_error=error, path=["researcher"]))
    assert answer.extensions["code"] == "INTERNAL"
    assert answer.message == "Unexpected error."


def test_errors_the_caller_can_act_on_keep_their_code_and_message() -> None:
    assert code_and_status(BadInput("first must be between 1 and 100")) == ("BAD_INPUT", 400)
    assert code_and_status(NotFound("no researcher")) == ("NOT_FOUND", 404)
    assert code_and_status(AlreadyExists("taken")) == ("BAD_INPUT", 409)
    assert public_message("BAD_INPUT", "first must be between 1 and 100") == \
        "first must be between 1 and 100"
