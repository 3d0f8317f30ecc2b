"""The estimated size of a GraphQL answer, computed from the document before anything runs.

The estimate counts the values an answer can hold: every selected field counts once per object
it is selected on, and the number of objects on a path is the product of the list sizes along it.
A list's size is, in order:

1. its own size argument (`first`, `limitPerType`, `top`, `maxHops`);
2. the size argument of the object field just above it, for a list that field pages (`edges`
   of a connection under `coauthors(first: 100)`; `nodes` and `edges` of `neighbourhood`,
   where `limitPerType` counts once per wanted type; `contributors` of `explanation(top: 5)`);
3. its entry in `LIST_SIZES` (lists the data bounds: a topic's ancestors, a path's steps);
4. `default_list_size` for any other list of objects (a paper's authors, a topic's children).

A size argument's value is the literal, else the variable's value, else the variable's default,
else the argument's default in the schema. Every alias and every fragment (named or inline)
counts; a fragment on an interface counts as if every type matched. Lists of scalars
(`categories`, `altNames`) count as one value. Introspection fields count one each, whatever
their selection: the schema's size bounds their answer. A few long texts weigh more than one
value (`FIELD_WEIGHTS`: an abstract is about 1 KB, twenty times a name), so the estimate follows
the answer's bytes, not only its count of values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLNamedType,
    GraphQLSchema,
    get_named_type,
    get_nullable_type,
    is_enum_type,
    is_list_type,
    is_scalar_type,
)
from graphql.language import ast

SIZE_ARGUMENTS = ("first", "limitPerType", "top", "maxHops")
NODE_TYPE_COUNT = 5  # neighbourhood's `limitPerType` counts once per wanted type, all by default

# Lists whose size the data bounds, smaller than the default.
LIST_SIZES: Mapping[str, int] = {
    "Topic.ancestors": 3,
    "Institution.parents": 3,
    "Paper.topics": 10,
    "Neighbourhood.truncated": NODE_TYPE_COUNT,
    "TrustExplanation.components": 5,
}

FIELD_WEIGHTS: Mapping[str, int] = {"Paper.abstract": 20}


@dataclass(frozen=True)
class Operation:
    """The parts of a request the estimate reads."""

    document: ast.DocumentNode
    operation_name: str | None
    variables: Mapping[str, Any]


def estimate(schema: GraphQLSchema, operation: Operation, default_list_size: int) -> int:
    """The estimated number of values in the answer to the chosen operation (the first when no
    name is given; the request layer refuses several operations without a name)."""
    definitions = operation.document.definitions
    fragments = {d.name.value: d for d in definitions if isinstance(d, ast.FragmentDefinitionNode)}
    chosen = [d for d in definitions if isinstance(d, ast.OperationDefinitionNode)
              and (operation.operation_name is None
                   or (d.name is not None and d.name.value == operation.operation_name))]
    if not chosen:
        return 0
    definition = chosen[0]
    root = schema.get_root_type(definition.operation)
    if root is None:
        return 0
    walk = _Walk(schema, fragments, _variables(definition, operation.variables),
                 default_list_size)
    return walk.selections(root, definition.selection_set, multiplier=1, paged=None,
                           fragments_seen=frozenset())


def _variables(definition: ast.OperationDefinitionNode,
               given: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for variable in definition.variable_definitions or ():
        name = variable.variable.name.value
        if given.get(name) is not None:
            values[name] = given[name]
        elif variable.default_value is not None:
            values[name] = _literal(variable.default_value, {})
    return values


def _literal(value: ast.ValueNode, variables: Mapping[str, Any]) -> Any:
    if isinstance(value, ast.VariableNode):
        return variables.get(value.name.value)
    if isinstance(value, ast.IntValueNode):
        return int(value.value)
    if isinstance(value, ast.ListValueNode):
        return [_literal(item, variables) for item in value.values]
    if isinstance(value, ast.EnumValueNode | ast.StringValueNode):
        return value.value
    return None


class _Walk:
    def __init__(self, schema: GraphQLSchema, fragments: dict[str, ast.FragmentDefinitionNode],
                 variables: dict[str, Any], default_list_size: int) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.default_list_size = default_list_size

    def selections(self, parent: GraphQLNamedType, selection_set: ast.SelectionSetNode | None,
                   multiplier: int, paged: int | None, fragments_seen: frozenset[str]) -> int:
        """The values under one selection set on `multiplier` objects of type `parent`; `paged`
        is the size the field above gave to the lists it pages."""
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, ast.FieldNode):
                total += self.field(parent, selection, multiplier, paged, fragments_seen)
            elif isinstance(selection, ast.InlineFragmentNode):
                on = self._type(selection.type_condition, parent)
                total += self.selections(on, selection.selection_set, multiplier, paged,
                                         fragments_seen)
            elif isinstance(selection, ast.FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in fragments_seen:
                    continue  # unknown or cyclic: validation reports it
                on = self._type(fragment.type_condition, parent)
                total += self.selections(on, fragment.selection_set, multiplier, paged,
                                         fragments_seen | {name})
        return total

    def field(self, parent: GraphQLNamedType, node: ast.FieldNode, multiplier: int,
              paged: int | None, fragments_seen: frozenset[str]) -> int:
        name = node.name.value
        definition = _field(parent, name)
        if name.startswith("__") or definition is None:
            return multiplier
        if node.selection_set is None:
            return multiplier * FIELD_WEIGHTS.get(f"{parent.name}.{name}", 1)
        returns = get_nullable_type(definition.type)
        child = get_named_type(returns)
        size = self._size_argument(definition, node)
        if is_list_type(returns):
            if is_scalar_type(child) or is_enum_type(child):
                return multiplier
            length = size if size is not None else paged if paged is not None else \
                LIST_SIZES.get(f"{parent.name}.{name}", self.default_list_size)
            return multiplier + self.selections(child, node.selection_set,
                                                multiplier * length, None, fragments_seen)
        return multiplier + self.selections(child, node.selection_set, multiplier, size,
                                            fragments_seen)

    def _size_argument(self, definition: GraphQLField, node: ast.FieldNode) -> int | None:
        given = {argument.name.value: _literal(argument.value, self.variables)
                 for argument in node.arguments or ()}
        for name in SIZE_ARGUMENTS:
            if name not in definition.args:
                continue
            value = given.get(name)
            if value is None:
                value = definition.args[name].default_value
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            if name == "limitPerType":
                types = given.get("types")
                value *= len(types) if isinstance(types, list) and types else NODE_TYPE_COUNT
                value += 1  # the centre
            return max(value, 0)
        return None

    def _type(self, condition: ast.NamedTypeNode | None,
              parent: GraphQLNamedType) -> GraphQLNamedType:
        if condition is None:
            return parent
        return self.schema.get_type(condition.name.value) or parent


def _field(parent: GraphQLNamedType, name: str) -> GraphQLField | None:
    fields = getattr(parent, "fields", None)
    return fields.get(name) if fields else None

