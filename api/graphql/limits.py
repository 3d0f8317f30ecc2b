"""Cost limits, checked before a request touches Neo4j: depth, aliases and tokens by strawberry's
limiters, page sizes (`first`, `limitPerType`, with variables resolved) by `PageSizeLimiter`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from graphql import GraphQLError
from graphql.language import ast
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from api.errors import QueryTooComplex
from kg.config import Settings

PAGE_SIZE_ARGUMENTS = {"first", "limitPerType"}


def _argument_value(value: ast.ValueNode, variables: dict[str, Any]) -> Any:
    if isinstance(value, ast.IntValueNode):
        return int(value.value)
    if isinstance(value, ast.VariableNode):
        return variables.get(value.name.value)
    return None


def _fields(node: ast.Node) -> Iterator[ast.FieldNode]:
    selection_set = getattr(node, "selection_set", None)
    if isinstance(node, ast.FieldNode):
        yield node
    if selection_set is not None:
        for selection in selection_set.selections:
            yield from _fields(selection)


class PageSizeLimiter(SchemaExtension):
    def __init__(self, max_page_size: int) -> None:
        self.max_page_size = max_page_size

    def on_validate(self) -> Iterator[None]:
        document = self.execution_context.graphql_document
        variables = self.execution_context.variables or {}
        for definition in document.definitions if document else ():
            for field in _fields(definition):
                for argument in field.arguments or ():
                    if argument.name.value not in PAGE_SIZE_ARGUMENTS:
                        continue
                    size = _argument_value(argument.value, variables)
                    if isinstance(size, int) and size > self.max_page_size:
                        message = (f"page size {size} of {field.name.value}."
                                   f"{argument.name.value} is over the maximum of "
                                   f"{self.max_page_size}")
                        self.execution_context.pre_execution_errors = [
                            GraphQLError(message, nodes=[argument],
                                         original_error=QueryTooComplex(message))
                        ]
                        yield
                        return
        yield


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Factories, so every request gets extensions of its own."""
    return [
        partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
        partial(QueryDepthLimiter, max_depth=settings.max_query_depth),
        partial(MaxAliasesLimiter, max_alias_count=settings.max_aliases),
        partial(PageSizeLimiter, settings.max_page_size),
    ]
