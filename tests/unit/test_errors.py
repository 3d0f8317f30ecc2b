"""What a client reads of an error (api/errors.py): no internals, no megabyte ids."""

from __future__ import annotations

import pytest

from api.errors import MAX_MESSAGE, public_message

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
