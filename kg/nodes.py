"""Nodes by id, in batches (the API's DataLoaders call these once per level of a request), and
which of their fields an answer shows (`Shown`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from operator import itemgetter
from typing import Any, Self

from kg.db.graph import Graph

_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[dict[str, Any]], tuple[Any, ...]]]] = {}


class FromRow:
    """`of_row(row)`: the node of a row that names exactly its fields, equal to `cls(**row)`
    (its fields set in their declared order, as `__init__` sets them, which orjson's output
    follows), whatever the row's key order (a query's map comes in any order): one `itemgetter`
    and one `__dict__` update, where a frozen dataclass's `__init__` sets each field through
    `object.__setattr__` (a paper's fifteen fields in about two thirds of `__init__`'s time; a
    researcher's five in about the same). Any other row goes through `__init__`, which refuses
    it as before."""

    __slots__ = ()

    @classmethod
    def of_row(cls, row: dict[str, Any]) -> Self:
        names, values_of = cls._known()
        if len(row) == len(names):  # then every name present means the same keys
            try:
                values = values_of(row)
            except KeyError:
                return cls(**row)
            node = object.__new__(cls)
            node.__dict__.update(zip(names, values, strict=True))
            return node
        return cls(**row)

    @classmethod
    def of_values(cls, values: Sequence[Any]) -> Self:
        """The node of a query's list of its fields' values in their declared order (a list
        decodes faster than a map); a list of another length is refused (ValueError)."""
        node = object.__new__(cls)
        node.__dict__.update(zip(cls._known()[0], values, strict=True))
        return node

    @classmethod
    def _known(cls) -> tuple[tuple[str, ...], Callable[[dict[str, Any]], tuple[Any, ...]]]:
        known = _FIELDS.get(cls)
        if known is None:
            names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
            getter = itemgetter(*names)
            known = _FIELDS[cls] = (names, getter if len(names) > 1
                                    else lambda row: (getter(row),))
        return known


@dataclass(frozen=True)
class PaperNode(FromRow):
    id: str
    doi: str | None
    title: str | None
    abstract: str | None
    year: int | None
    date: str | None
    type: str | None
    cited_by_count: int
    citations: int
    upvotes: int
    is_retracted: bool
    categories: list[str]
    organisation: str | None
    source_ids: list[str]
    source_id: str | None


@dataclass(frozen=True)
class ResearcherNode(FromRow):
    id: str
    name: str | None
    orcid: str | None
    alt_names: list[str]
    open_to_collaborate: bool


@dataclass(frozen=True)
class TopicNode(FromRow):
    id: str
    name: str | None
    level: str | None
    parent_id: str | None
    papers: int


@dataclass(frozen=True)
class InstitutionNode(FromRow):
    id: str
    name: str | None
    ror: str | None
    country: str | None
    type: str | None
    parent_ids: list[str]
    researchers: int


@dataclass(frozen=True)
class SourceNode(FromRow):
    id: str
    name: str | None
    type: str | None
    papers: int


def _optional(node_class: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(node_class) if f.name != "id")


@dataclass(frozen=True)
class Shown:
    """The fields the paper, researcher and topic nodes of one answer carry besides their id.
    A query reads only these (`CASE WHEN $shown.paper.abstract THEN p.abstract END`): Neo4j skips
    the other properties, the traversals behind some (a paper's venue, a topic's parent) and
    their bytes, and the node holds None in their place. The API shows a request what its
    document selects (api/graphql/shown.py); every other caller gets every field (`ALL`)."""

    paper: frozenset[str] = field(default_factory=lambda: _optional(PaperNode))
    researcher: frozenset[str] = field(default_factory=lambda: _optional(ResearcherNode))
    topic: frozenset[str] = field(default_factory=lambda: _optional(TopicNode))

    @cached_property
    def parameter(self) -> dict[str, dict[str, bool]]:
        """The `$shown` of the queries: {node kind: {field: true}}."""
        return {"paper": dict.fromkeys(sorted(self.paper), True),
                "researcher": dict.fromkeys(sorted(self.researcher), True),
                "topic": dict.fromkeys(sorted(self.topic), True)}


ALL = Shown()


def papers_by_ids(graph: Graph, ids: list[str], shown: Shown = ALL) -> dict[str, PaperNode]:
    return {row["id"]: PaperNode.of_row(row)
            for row in graph.read("nodes/papers_by_ids", ids=ids, shown=shown.parameter)}


def researchers_by_ids(graph: Graph, ids: list[str], shown: Shown = ALL
                       ) -> dict[str, ResearcherNode]:
    return {row["id"]: ResearcherNode.of_row(row)
            for row in graph.read("nodes/researchers_by_ids", ids=ids, shown=shown.parameter)}


def topics_by_ids(graph: Graph, ids: list[str], shown: Shown = ALL) -> dict[str, TopicNode]:
    return {row["id"]: TopicNode.of_row(row)
            for row in graph.read("nodes/topics_by_ids", ids=ids, shown=shown.parameter)}


def institutions_by_ids(graph: Graph, ids: list[str]) -> dict[str, InstitutionNode]:
    return {row["id"]: InstitutionNode.of_row(row)
            for row in graph.read("nodes/institutions_by_ids", ids=ids)}


def sources_by_ids(graph: Graph, ids: list[str]) -> dict[str, SourceNode]:
    return {row["id"]: SourceNode.of_row(row)
            for row in graph.read("nodes/sources_by_ids", ids=ids)}


def node_types(graph: Graph, ids: list[str]) -> dict[str, str]:
    """The type (one of NODE_TYPES) of each id that names a node."""
    return {row["id"]: row["type"] for row in graph.read("nodes/node_types_by_ids", ids=ids)}
