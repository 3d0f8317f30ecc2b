"""Look-ahead for the root fields that name their node by id (`researcher`, `topic`, `paper`).

GraphQL resolves a level only once the level above has its values, so `researcher(id) {
metrics coauthors }` would read the researcher in one round and its metrics and co-authors in
the next. The children of these types load by the parent's id alone, and the root field knows
that id before it reads anything: it starts the loads of the selected children at once
(`prefetch`), they join the node's round (one read transaction), and the child resolvers find
their answers waiting under the same loader keys.

A type lists its prefetchable fields as `{graphql field name: start}`, where
`start(loaders, parent_id, **arguments)` is the very function its resolver awaits, so the two
cannot ask for different keys. Arguments are coerced by graphql-core as for the resolver
(variables and defaults filled in), then named and typed as the resolver takes them. A load
started for a node that turns out not to exist is never awaited; its error (if any) is marked
retrieved so it is not logged.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import Any

from graphql.execution.values import VariableValues, get_argument_values
from graphql.language import ast
from strawberry.types import Info
from strawberry.utils.str_converters import to_camel_case

Start = Callable[..., "asyncio.Future[Any]"]
Deeper = Callable[[Any, set[str]], None]  # (the request's loaders, the fields its nodes select)


def prefetch(info: Info, owner: type, node_id: str, starts: Mapping[str, Start],
             deeper: Mapping[str, Deeper] | None = None) -> None:
    """Start the loads of the fields of `owner` that this field selects under it; for a
    connection field in `deeper`, tell it the fields its nodes select (`edges { node { ... } }`)
    so it reads those in the same round too."""
    raw = info._raw_info
    definition = owner.__strawberry_definition__  # type: ignore[attr-defined]
    names = {definition.name, *(i.name for i in definition.interfaces)}
    graphql_type = raw.schema.get_type(definition.name)
    variables = raw.variable_values  # strawberry hands resolvers the plain coerced values
    if isinstance(variables, dict):
        variables = VariableValues(sources={}, coerced=variables)
    for node in raw.field_nodes:
        for child in _children(node.selection_set, names, raw.fragments):
            start = starts.get(child.name.value)
            if start is None:
                continue
            field = graphql_type.fields[child.name.value]  # type: ignore[union-attr]
            given = get_argument_values(field, child, variables)
            load = start(info.context.loaders, node_id, **_python(owner, child.name.value, given))
            load.add_done_callback(_retrieved)
            extend = (deeper or {}).get(child.name.value)
            if extend is not None:
                extend(info.context.loaders, _under(child, ("edges", "node"), raw.fragments))


def _under(node: ast.FieldNode, path: tuple[str, ...],
           fragments: Mapping[str, ast.FragmentDefinitionNode]) -> set[str]:
    """The names of the fields selected at `path` below this field (through any fragment)."""
    found = [node]
    for name in path:
        found = [c for f in found for c in _children(f.selection_set, None, fragments)
                 if c.name.value == name]
    return {c.name.value for f in found for c in _children(f.selection_set, None, fragments)}


def _children(selection_set: ast.SelectionSetNode | None, names: set[str] | None,
              fragments: Mapping[str, ast.FragmentDefinitionNode]) -> Iterator[ast.FieldNode]:
    """The fields selected in this set, through the fragments on the type (`names`: its name and
    its interfaces'; None: any)."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, ast.FieldNode):
            yield selection
            continue
        fragment = (fragments.get(selection.name.value)
                    if isinstance(selection, ast.FragmentSpreadNode) else selection)
        if isinstance(fragment, ast.FragmentDefinitionNode | ast.InlineFragmentNode) and (
                names is None or fragment.type_condition is None
                or fragment.type_condition.name.value in names):
            yield from _children(fragment.selection_set, names, fragments)


def _python(owner: type, field_name: str, given: dict[str, Any]) -> dict[str, Any]:
    """Arguments by GraphQL name, as graphql-core coerced them (defaults in), as the resolver
    takes them: by Python name, enums as members."""
    definition = owner.__strawberry_definition__  # type: ignore[attr-defined]
    field = next(f for f in definition.fields
                 if (f.graphql_name or to_camel_case(f.python_name)) == field_name)
    python: dict[str, Any] = {}
    for argument in field.arguments:
        name = argument.graphql_name or to_camel_case(argument.python_name)
        if name in given:
            value = given[name]
            if isinstance(argument.default, Enum) and not isinstance(value, Enum):
                value = type(argument.default)(value)
            python[argument.python_name] = value
    return python


def _retrieved(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()
