"""PlainExecutionContext answers exactly as graphql-core's general path: the same data and the
same errors (message, path), for plain objects, objects with resolvers, and values the fast
path does not expect."""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import Any

import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.graphql.execution import NOT_READY, NOW, PlainExecutionContext
from testkit.execution import RecordingExecutionContext


@strawberry.enum
class Kind(Enum):
    PAPER = "PAPER"
    RESEARCHER = "RESEARCHER"


@strawberry.interface
class Named:
    id: strawberry.ID


@strawberry.type
class Person(Named):
    name: str | None
    works: int
    tags: list[str]
    kind: Kind


@strawberry.type
class Edge:
    weight: float
    node: Person
    nodes: list[list[Person]]


@strawberry.type
class Holder:
    edges: list[Edge]

    @strawberry.field
    def count(self) -> int:
        return len(self.edges)

    @strawberry.field
    async def first(self, at: int = 0) -> Edge | None:
        return self.edges[at] if self.edges else None


def _person(i: int, **changes: Any) -> Person:
    values: dict[str, Any] = {"id": strawberry.ID(f"A{i}"), "name": f"N{i}" if i % 3 else None,
                              "works": i, "tags": ["x", str(i)], "kind": Kind.RESEARCHER}
    return Person(**{**values, **changes})


def _holder(broken: Person | None = None) -> Holder:
    people = [_person(i) for i in range(12)]
    if broken is not None:
        people[5] = broken
    return Holder(edges=[Edge(weight=i / 3, node=p, nodes=[[p, people[0]], []])
                         for i, p in enumerate(people)])


def _schema(context: type, holder: Holder) -> strawberry.Schema:
    @strawberry.type
    class Query:
        @strawberry.field
        def holder(self) -> Holder:
            return holder

        @strawberry.field
        def named(self) -> list[Named]:
            return [e.node for e in holder.edges]

    return strawberry.Schema(query=Query, types=[Person, Robot], execution_context_class=context)


DOCUMENT = """
fragment P on Person { id name works tags kind __typename }
query ($skip: Boolean!) {
  holder {
    count
    first(at: 2) { weight node { ...P } }
    edges {
      w: weight
      weight @skip(if: $skip)
      node { ...P alias: name }
      nodes { id ... on Person { works } }
    }
  }
  named { id __typename ... on Person { name } }
}
"""


def _answer(context: type, holder: Holder) -> tuple[Any, list[Any]]:
    result = asyncio.run(_schema(context, holder).execute(
        DOCUMENT, variable_values={"skip": False}))
    errors = sorted(((e.message, e.path) for e in result.errors or ()), key=str)
    return result.data, errors


def _both(holder: Holder) -> tuple[tuple[Any, list[Any]], tuple[Any, list[Any]]]:
    return (_answer(PlainExecutionContext, holder),
            _answer(StrawberryGraphQLCoreExecutionContext, holder))


def test_plain_objects_answer_as_graphql_core_does() -> None:
    plain, general = _both(_holder())
    assert plain == general
    assert plain[1] == []
    assert len(plain[0]["holder"]["edges"]) == 12
    _answer(RecordingExecutionContext, _holder())
    planned = set(RecordingExecutionContext.planned)
    assert {"Holder:general", "Edge:plain", "Person:plain"} <= planned


def test_a_null_in_a_non_null_field_is_the_same_error_at_the_same_path() -> None:
    plain, general = _both(_holder(broken=_person(5, works=None)))
    assert plain == general
    assert plain[1] and "non-nullable" in plain[1][0][0]


def test_a_leaf_that_does_not_serialise_is_the_same_error() -> None:
    plain, general = _both(_holder(broken=_person(5, works="many")))
    assert plain == general
    assert plain[1]


def test_an_int_over_32_bits_is_the_same_error() -> None:
    plain, general = _both(_holder(broken=_person(5, works=2**40)))
    assert plain == general
    assert plain[1] and "32-bit" in plain[1][0][0]


def test_leaves_the_serialisers_convert_are_converted_as_before() -> None:
    plain, general = _both(_holder(broken=_person(5, id=7, works=True, name=Kind.PAPER)))
    assert plain == general
    assert plain[1] == []
    person = plain[0]["holder"]["edges"][5]["node"]
    assert (person["id"], person["works"]) == ("7", 1)


def test_a_float_that_is_not_finite_is_the_same_error() -> None:
    for value in (float("nan"), float("inf"), float("-inf")):
        broken = _holder()
        broken.edges[4].weight = value
        plain, general = _both(broken)
        assert plain == general
        assert plain[1] and "Float cannot represent" in plain[1][0][0]


def test_an_int_in_a_float_field_answers_as_a_float() -> None:
    holder = _holder()
    holder.edges[4].weight = 3  # type: ignore[assignment]
    plain, general = _both(holder)
    assert plain == general
    weight = plain[0]["holder"]["edges"][4]["weight"]
    assert (weight, type(weight)) == (3.0, float)


def test_a_null_item_in_a_non_null_list_is_the_same_error() -> None:
    plain, general = _both(_holder(broken=_person(5, tags=["x", None])))
    assert plain == general
    assert plain[1]


def test_an_object_of_another_type_is_the_same_error() -> None:
    broken = _holder()
    broken.edges[3].node = Edge(weight=1.0, node=_person(1), nodes=[])  # type: ignore[assignment]
    plain, general = _both(broken)
    assert plain == general
    assert plain[1]


@strawberry.type
class Robot(Named):
    name: str | None


def test_a_person_cast_to_another_type_is_the_same_error() -> None:
    broken = _holder()
    broken.edges[3].node = strawberry.cast(Robot, _person(3))
    plain, general = _both(broken)
    assert plain == general
    assert plain[1]


_NOW: dict[str, Any] = {}  # the NOW function of Shelf's fields for the test under way
_RESOLVED: list[str] = []  # the shelves whose resolvers ran


def _now(shelf: Any, context: Any) -> Any:
    return _NOW["now"](shelf, context)


@strawberry.type
class Shelf:
    label: str

    @strawberry.field(metadata={NOW: _now})
    def people(self) -> list[Person]:
        _RESOLVED.append(self.label)
        return [_person(i) for i in range(3)]

    @strawberry.field(metadata={NOW: _now})
    def some(self, n: int = 2) -> list[Person]:
        _RESOLVED.append(self.label)
        return [_person(i) for i in range(n)]


def _ready_schema(context: type) -> strawberry.Schema:
    @strawberry.type
    class Query:
        @strawberry.field
        async def shelves(self) -> list[Shelf]:
            return [Shelf(label=f"S{i}") for i in range(4)]

    return strawberry.Schema(query=Query, types=[Person, Robot], execution_context_class=context)


def _ready_answer(context: type, now: Any, document: str) -> tuple[Any, list[Any], list[str]]:
    _NOW["now"] = now
    _RESOLVED.clear()
    result = asyncio.run(_ready_schema(context).execute(document))
    errors = sorted(((e.message, e.path) for e in result.errors or ()), key=str)
    return result.data, errors, list(_RESOLVED)


READY_DOCUMENT = "{ shelves { label people { id name works tags kind } } }"


def _known(shelf: Any, context: Any) -> list[Person]:
    return [_person(i) for i in range(3)]


def _not_ready(shelf: Any, context: Any) -> Any:
    return NOT_READY


def _broken(shelf: Any, context: Any) -> Any:
    raise RuntimeError("a bug in the NOW function")


def test_a_field_known_now_is_completed_without_its_resolver() -> None:
    plain = _ready_answer(PlainExecutionContext, _known, READY_DOCUMENT)
    general = _ready_answer(StrawberryGraphQLCoreExecutionContext, _known, READY_DOCUMENT)
    assert plain[:2] == general[:2]
    assert len(plain[0]["shelves"]) == 4 and plain[1] == []
    assert plain[2] == [] and general[2] == ["S0", "S1", "S2", "S3"]


def test_a_field_not_ready_goes_to_its_resolver_with_the_same_answer() -> None:
    plain = _ready_answer(PlainExecutionContext, _not_ready, READY_DOCUMENT)
    general = _ready_answer(StrawberryGraphQLCoreExecutionContext, _not_ready, READY_DOCUMENT)
    assert plain == general
    assert plain[2] == ["S0", "S1", "S2", "S3"]


def test_a_now_function_that_fails_leaves_the_answer_to_the_resolver() -> None:
    plain = _ready_answer(PlainExecutionContext, _broken, READY_DOCUMENT)
    general = _ready_answer(StrawberryGraphQLCoreExecutionContext, _broken, READY_DOCUMENT)
    assert plain == general
    assert plain[1] == []


def test_a_field_with_arguments_is_never_known_now() -> None:
    document = "{ shelves { label some(n: 1) { id } } }"
    plain = _ready_answer(PlainExecutionContext, _known, document)
    assert plain == _ready_answer(StrawberryGraphQLCoreExecutionContext, _known, document)
    assert plain[2] == ["S0", "S1", "S2", "S3"]
