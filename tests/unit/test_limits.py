"""Validation of api/graphql/limits.py is remembered per document: a document that passed is not
validated again, one that failed is refused every time. On the real schema, without a database
(these documents never reach a resolver that reads)."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

import pytest
import strawberry
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension

from api.graphql import limits
from api.graphql.context import Context
from api.graphql.limits import ValidDocuments
from api.graphql.schema import Query, build_schema
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


def test_depth_and_aliases_are_refused_with_strawberrys_own_messages(validations) -> None:
    limited = build_schema(Settings(max_query_depth=2, max_aliases=3))
    stock = strawberry.Schema(query=Query, extensions=[
        partial(QueryDepthLimiter, max_depth=2), partial(MaxAliasesLimiter, max_alias_count=3)])
    deep = '{ researcher(id: "A1") { coauthors { edges { node { name } } } } }'
    aliased = "{ " + " ".join(f"a{i}: __typename" for i in range(4)) + " }"
    for document in (deep, aliased):
        ours = [e.message for e in _run(limited, document).errors]
        theirs = [e.message for e in asyncio.run(stock.execute(document)).errors
                  if "Cannot query" not in e.message]
        assert ours and ours == theirs


def test_the_limit_rules_are_made_once_per_schema(validations) -> None:
    schema = build_schema(Settings())
    seen: list[tuple[type, ...]] = []

    class Spy(SchemaExtension):
        def on_execute(self) -> Any:
            seen.append(self.execution_context.validation_rules)
            yield

    schema.extensions = [*schema.extensions, Spy]
    _run(schema, "{ __typename }")
    _run(schema, "{ __typename }")
    assert len(seen) == 2 and seen[0] == seen[1]


def test_the_remembered_documents_are_bounded() -> None:
    valid = ValidDocuments(size=2)
    for text in ("a", "b", "c"):
        valid.add(text)
    assert "a" not in valid and "b" in valid and "c" in valid
    assert None not in valid
