"""Cost limits, checked before a request touches Neo4j: depth, aliases and tokens by strawberry's
limiters, page sizes (`first`, `limitPerType`, with variables resolved) by `PageSizeLimiter`, and
the estimated size of the whole answer (api/graphql/cost.py) by `CostLimiter`, with a larger
budget for a caller with a valid token. A document with several operations must name the one to
run (GraphQL spec, "GetOperation"): strawberry would otherwise run the first.

Validation depends on the document alone (the rules are the schema's and the settings'), so a
document that passed is remembered (`ValidDocuments`, by its text) and not validated again: on a
profile request validation cost as much Python time as executing the answer. The checks that
read variables (page sizes, the cost) still run on every request."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from functools import partial
from typing import Any

from graphql import GraphQLError, validate
from graphql.language import ast
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    SchemaExtension,
    max_aliases,
    query_depth_limiter,
)

from api.errors import QueryTooComplex
from api.graphql import cache
from api.graphql.cache import Lru
from api.graphql.context import Context
from api.graphql.cost import Operation, estimate
from kg.config import Settings
from kg.errors import BadInput, KgError

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


VALID_DOCUMENTS = 1000  # as many as api/graphql/cache.py's ParsedDocuments keeps parsed


class ValidDocuments:
    """The texts of documents that passed validation, the most recently used kept."""

    def __init__(self, size: int = VALID_DOCUMENTS) -> None:
        self._texts = Lru(size, cache.DOCUMENT_CACHE_CHARS)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self._texts.get(text) is not None

    def add(self, text: str) -> None:
        self._texts.put(text, True, len(text))


class CostLimiter(SchemaExtension):
    def __init__(self, settings: Settings, valid: ValidDocuments | None = None) -> None:
        self.settings = settings
        self.valid = valid if valid is not None else ValidDocuments()

    async def on_validate(self) -> AsyncIterator[None]:
        # Strawberry reads pre_execution_errors before this hook resumes after its yield, so
        # the checks run first, on a document validated here (with every extension's rules;
        # this extension comes last), and strawberry's own validation then has nothing to add.
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            if context.query in self.valid:
                context.pre_execution_errors = []
            else:
                context.pre_execution_errors = validate(
                    context.schema._schema, context.graphql_document, context.validation_rules)
                if not context.pre_execution_errors and context.query:
                    self.valid.add(context.query)
            if not context.pre_execution_errors:
                await self._check()
        yield

    async def _check(self) -> None:
        context = self.execution_context
        document = context.graphql_document
        request: Context = context.context
        operations = [d for d in document.definitions
                      if isinstance(d, ast.OperationDefinitionNode)]
        if len(operations) > 1 and request.operation_name is None:
            message = (f"the document has {len(operations)} operations: name the one to run "
                       "with operationName")
            context.pre_execution_errors = [
                GraphQLError(message, original_error=BadInput(message))]
            return
        cost = estimate(context.schema._schema,
                        Operation(document, request.operation_name, context.variables or {}),
                        self.settings.cost_list_size)
        if cost <= self.settings.cost_budget:
            return
        if request.token is not None and cost <= self.settings.cost_budget_authenticated:
            try:
                if await request.user() is not None:
                    return
            except KgError as exc:
                context.pre_execution_errors = [GraphQLError(str(exc), original_error=exc)]
                return
        budget = (self.settings.cost_budget_authenticated if request.token is not None
                  else self.settings.cost_budget)
        message = (f"the answer could hold about {cost:,} values, over the budget of "
                   f"{budget:,}; ask for smaller pages or fewer nested lists")
        if request.token is None and cost <= self.settings.cost_budget_authenticated:
            message += f" (the budget with a token is {self.settings.cost_budget_authenticated:,})"
        context.pre_execution_errors = [
            GraphQLError(message, original_error=QueryTooComplex(message))]


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Factories, so every request gets extensions of its own (they share what passed
    validation). The depth and alias limits are strawberry's `QueryDepthLimiter` and
    `MaxAliasesLimiter` rules, their classes made once here: those extensions make a new class
    per request, a tenth of a papers request's CPU (and garbage only the collector frees)."""
    valid = ValidDocuments()
    rules = [query_depth_limiter.create_validator(settings.max_query_depth, None),
             max_aliases.create_validator(settings.max_aliases)]
    return [
        partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
        partial(AddValidationRules, rules),
        partial(PageSizeLimiter, settings.max_page_size),
        partial(CostLimiter, settings, valid),
    ]
