"""Plain objects completed without the per-field machinery.

graphql-core completes every field of every object through the same general path (resolve
info, argument values, the resolver, awaitable checks, completion by type), and most of a large
answer is objects whose selected fields are all plain: attributes of a built value (the 100
co-author edges of a profile, a paper's authors and topics, the nodes and edges of a
neighbourhood). `PlainExecutionContext` completes such an object directly: for each selection
set and type it works out once per request which attribute, leaf type and nested plan each
response key reads, then builds the answer's dict in one pass.

A field is plain when it is strawberry's default resolver (no resolver, no field extension or
permission), takes no argument and carries no `@defer`; an object is plain when all the fields
it selects are (recursively), `__typename` included. A field with a resolver is plain too when
it takes no argument, has no extension or permission, and names in its metadata (`NOW`) a
function that gives its value when that is known already, without side effects, or `NOT_READY`
(a paper's authors and topics, which the page's look-ahead read with it): then that function
gives the value, and a `NOT_READY` sends the object to the general path, whose resolver waits.
Anything else, and any value the fast path does not expect (a null in a non-null field, a leaf
that does not serialise, an object of another type), goes through graphql-core's own path,
which answers or reports the error exactly as before: the fast path has no side effects, so
giving up part way loses nothing.
"""

from __future__ import annotations

from functools import partial
from math import isfinite
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLString,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE

_TYPENAME = "__typename"
NOW = "kg_now"  # strawberry field metadata: (source, context) -> the value, or NOT_READY
NOT_READY = object()


class _NotPlain(Exception):  # noqa: N818 - a signal to take the general path, not an error
    pass


# A plan: (the type's is_type_of or None, the class whose plain instances it accepts without
# asking it, its steps); a step: (response key, the function that
# reads the value from the source or None for __typename, the non-null flags of `_unwrap` or the
# type's name, leaf type or None, nested plan or None, the value types a leaf that is not a
# list answers as they are).
_Step = tuple[str, Any, Any, GraphQLLeafType | None, "tuple[Any, ...] | None", frozenset[type]]

# Values graphql-core's serialisers give back unchanged: text for String and ID, a bool for
# Boolean, an int in the 32-bit range for Int, a finite float for Float (both checked in
# `_object`). Anything else (an int for an ID or a Float, an enum, a custom scalar, a value that
# does not serialise) is coerced by the leaf type as before.
_VERBATIM: dict[GraphQLLeafType, frozenset[type]] = {
    GraphQLString: frozenset((str,)), GraphQLID: frozenset((str,)),
    GraphQLBoolean: frozenset((bool,)), GraphQLInt: frozenset((int,)),
    GraphQLFloat: frozenset((float,)),
}
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


class PlainExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[GraphQLObjectType, int], tuple[Any, ...] | None] = {}

    def complete_object_value(
        self, return_type: GraphQLObjectType, field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo, path: Path, result: Any, position_context: Any,
    ) -> Any:
        plan = self._plan(return_type, field_details_list)
        if plan is not None:
            try:
                return _object(plan, result)
            except Exception:  # noqa: BLE001 - the general path answers or reports it
                pass
        return super().complete_object_value(return_type, field_details_list, info, path,
                                             result, position_context)

    def complete_list_value(
        self, return_type: GraphQLList[Any], field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo, path: Path, result: Any, position_context: Any,
    ) -> Any:
        wrappers, named = _unwrap(return_type)
        plan = (self._plan(named, field_details_list)
                if isinstance(named, GraphQLObjectType) else None)
        if plan is not None:
            try:
                return _value(result, wrappers, 0, None, plan)
            except Exception:  # noqa: BLE001 - the general path answers or reports it
                pass
        return super().complete_list_value(return_type, field_details_list, info, path,
                                           result, position_context)

    def _plan(self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList
              ) -> tuple[Any, ...] | None:
        key = (object_type, id(field_details_list))  # collect_subfields keeps the list alive
        if key not in self._plans:
            self._plans[key] = self._make_plan(object_type, field_details_list)
        return self._plans[key]

    def _make_plan(self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList
                   ) -> tuple[Any, ...] | None:
        grouped, deferred, forbidden = self.collect_subfields(object_type, field_details_list)
        if deferred or forbidden:
            return None
        steps: list[_Step] = []
        for response_key, details in grouped.items():
            if any(d.defer_usage is not None or d.node.arguments for d in details):
                return None
            name = details[0].node.name.value
            if name == _TYPENAME:
                steps.append((response_key, None, object_type.name, None, None, frozenset()))
                continue
            field = object_type.fields.get(name)
            if field is None or field.args:
                return None
            read = self._reader(field)
            if read is None:
                return None
            wrappers, named = _unwrap(field.type)
            if isinstance(named, GraphQLObjectType):
                nested = self._plan(named, details)
                if nested is None:
                    return None
                steps.append((response_key, read, wrappers, None, nested, frozenset()))
            elif isinstance(named, GraphQLLeafType):
                verbatim = _VERBATIM.get(named, frozenset()) if len(wrappers) == 1 \
                    else frozenset()
                if verbatim and not wrappers[0]:
                    verbatim |= {type(None)}
                steps.append((response_key, read, wrappers, named, None, verbatim))
            else:  # an interface or a union: its runtime type is resolved per value
                return None
        return object_type.is_type_of, _origin(object_type), tuple(steps)

    def _reader(self, field: Any) -> Any:
        """What reads the field's value from its source in the fast path, or None."""
        definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
        if definition is None:
            return None
        if getattr(field.resolve, "_is_default", False):
            return (attrgetter(definition.python_name)
                    if definition.default_resolver is getattr else None)
        now = definition.metadata.get(NOW)
        if now is None or definition.extensions:
            return None
        return partial(_known_now, now, self.context_value)


def _known_now(now: Any, context: Any, source: Any) -> Any:
    value = now(source, context)
    if value is NOT_READY:
        raise _NotPlain
    return value


def _unwrap(field_type: Any) -> tuple[tuple[bool, ...], Any]:
    """The non-null flag of each level, outermost first (the field, then each list's items),
    and the named type inside."""
    flags: list[bool] = []
    while True:
        non_null = isinstance(field_type, GraphQLNonNull)
        if non_null:
            field_type = field_type.of_type
        flags.append(non_null)
        if not isinstance(field_type, GraphQLList):
            return tuple(flags), field_type
        field_type = field_type.of_type


def _origin(object_type: GraphQLObjectType) -> type | None:
    """The strawberry class of the type: strawberry's is_type_of (types with interfaces) accepts
    an instance of exactly that class that is not cast to another type (`strawberry.cast`)."""
    definition = (object_type.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = getattr(definition, "origin", None)
    return origin if isinstance(origin, type) and not hasattr(origin, TYPE_CAST_ATTRIBUTE) \
        else None


def _object(plan: tuple[Any, ...], source: Any) -> dict[str, Any]:
    is_type_of, origin, steps = plan
    if is_type_of is not None and not (
            type(source) is origin and getattr(source, TYPE_CAST_ATTRIBUTE, None) is None) \
            and not is_type_of(source, None):
        raise _NotPlain
    answer: dict[str, Any] = {}
    for response_key, read, wrappers, leaf, nested, verbatim in steps:
        if read is None:
            answer[response_key] = wrappers  # __typename: the type's name
            continue
        value = read(source)
        kind = type(value)
        if kind in verbatim and (kind is not int or _INT_MIN <= value <= _INT_MAX) \
                and (kind is not float or isfinite(value)):
            answer[response_key] = value
        elif nested is not None and len(wrappers) == 1 and value is not None \
                and value is not Undefined:
            answer[response_key] = _object(nested, value)
        else:
            answer[response_key] = _value(value, wrappers, 0, leaf, nested)
    return answer


def _value(value: Any, wrappers: tuple[bool, ...], level: int, leaf: GraphQLLeafType | None,
           nested: tuple[Any, ...] | None) -> Any:
    if value is None or value is Undefined:
        if wrappers[level]:
            raise _NotPlain
        return None
    if level + 1 < len(wrappers):
        if isinstance(value, str | bytes | dict) or not hasattr(value, "__iter__"):
            raise _NotPlain
        if nested is not None and level + 2 == len(wrappers):  # a list of objects
            return [_object(nested, item) if item is not None and item is not Undefined
                    else _value(item, wrappers, level + 1, leaf, nested) for item in value]
        return [_value(item, wrappers, level + 1, leaf, nested) for item in value]
    if leaf is not None:
        coerced = leaf.coerce_output_value(value)
        if coerced is None or coerced is Undefined:
            raise _NotPlain
        return coerced
    return _object(nested, value)  # type: ignore[arg-type]
