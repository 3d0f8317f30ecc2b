"""The API's code table: only errors the caller can act on carry their own code and message;
errors that are ours to fix are INTERNAL and masked."""

import pytest
from graphql import GraphQLError

from api.errors import code_and_status, coded, public_message
from kg.errors import (
    AlreadyExists,
    BadConfiguration,
    BadInput,
    LocalServerError,
    NotFound,
    QueryError,
)

OURS = [QueryError("query 'x' does not declare parameter(s) ['y']"),
        BadConfiguration("NEO4J_URI must start with bolt://"),
        LocalServerError("java not found at /opt/jdk")]


@pytest.mark.parametrize("error", OURS, ids=lambda e: type(e).__name__)
def test_errors_that_are_ours_to_fix_are_internal_and_masked(error: Exception) -> None:
    assert code_and_status(error) == ("INTERNAL", 500)
    assert public_message(error) == "Unexpected error."
    answer = coded(GraphQLError(str(error), original_error=error, path=["researcher"]))
    assert answer.extensions["code"] == "INTERNAL"
    assert answer.message == "Unexpected error."


def test_errors_the_caller_can_act_on_keep_their_code_and_message() -> None:
    assert code_and_status(BadInput("first must be between 1 and 100")) == ("BAD_INPUT", 400)
    assert code_and_status(NotFound("no researcher")) == ("NOT_FOUND", 404)
    assert code_and_status(AlreadyExists("taken")) == ("BAD_INPUT", 409)
    assert public_message(BadInput("first must be between 1 and 100")) == \
        "first must be between 1 and 100"
