"""Validation of api/graphql/limits.py is remembered per document: a document that passed is not
validated again, one that failed is refused every time. On the real schema, without a database
(these documents never reach a resolver that reads)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from api.graphql import limits
from api.graphql.context import Context
from api.graphql.limits import ValidDocuments
from api.graphql.schema import build_schema
from kg.config import Settings


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the full validations the limits extension runs."""
    calls: list[int] = []
    real = limits.validate

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(limits, "validate", counted)
    return calls


def _run(schema: Any, document: str) -> Any:
    context = Context.of(None, Settings(), None)  # type: ignore[arg-type]
    return asyncio.run(schema.execute(document, context_value=context))


def test_a_document_that_passed_is_not_validated_again(validations) -> None:
    schema = build_schema(Settings())
    assert _run(schema, "{ __typename }").errors is None
    assert _run(schema, "{ __typename }").errors is None
    assert len(validations) == 1


def test_a_document_that_failed_is_refused_every_time(validations) -> None:
    schema = build_schema(Settings())
    for _ in range(2):
        result = _run(schema, "{ noSuchField }")
        assert result.errors and "noSuchField" in result.errors[0].message
    assert len(validations) == 2


def test_a_document_too_deep_is_refused_every_time(validations) -> None:
    schema = build_schema(Settings(max_query_depth=2))
    deep = '{ researcher(id: "A1") { coauthors { edges { node { name } } } } }'
    for _ in range(2):
        assert _run(schema, deep).errors
    assert len(validations) == 2


def test_the_remembered_documents_are_bounded() -> None:
    valid = ValidDocuments(size=2)
    for text in ("a", "b", "c"):
        valid.add(text)
    assert "a" not in valid and "b" in valid and "c" in valid
    assert None not in valid
