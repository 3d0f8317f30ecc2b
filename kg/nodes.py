"""Nodes by id, in batches (the API's DataLoaders call these once per level of a request)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.db.graph import Graph


@dataclass(frozen=True)
class PaperNode:
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
class ResearcherNode:
    id: str
    name: str | None
    orcid: str | None
    alt_names: list[str]
    open_to_collaborate: bool
    verification_level: int
    claimed: bool
    trust_score: float | None
    trust_tier: str | None
    trust_propagated: float | None


@dataclass(frozen=True)
class TopicNode:
    id: str
    name: str | None
    level: str | None
    parent_id: str | None
    papers: int


@dataclass(frozen=True)
class InstitutionNode:
    id: str
    name: str | None
    ror: str | None
    country: str | None
    type: str | None
    parent_ids: list[str]
    researchers: int


@dataclass(frozen=True)
class SourceNode:
    id: str
    name: str | None
    type: str | None
    papers: int


def papers_by_ids(graph: Graph, ids: list[str]) -> dict[str, PaperNode]:
    return {row["id"]: PaperNode(**row) for row in graph.read("nodes/papers_by_ids", ids=ids)}


def researchers_by_ids(graph: Graph, ids: list[str]) -> dict[str, ResearcherNode]:
    return {row["id"]: ResearcherNode(**row)
            for row in graph.read("nodes/researchers_by_ids", ids=ids)}


def topics_by_ids(graph: Graph, ids: list[str]) -> dict[str, TopicNode]:
    return {row["id"]: TopicNode(**row) for row in graph.read("nodes/topics_by_ids", ids=ids)}


def institutions_by_ids(graph: Graph, ids: list[str]) -> dict[str, InstitutionNode]:
    return {row["id"]: InstitutionNode(**row)
            for row in graph.read("nodes/institutions_by_ids", ids=ids)}


def sources_by_ids(graph: Graph, ids: list[str]) -> dict[str, SourceNode]:
    return {row["id"]: SourceNode(**row) for row in graph.read("nodes/sources_by_ids", ids=ids)}


def node_types(graph: Graph, ids: list[str]) -> dict[str, str]:
    """The type (one of NODE_TYPES) of each id that names a node."""
    return {row["id"]: row["type"] for row in graph.read("nodes/node_types_by_ids", ids=ids)}
