"""GraphQL result types that are plain values: enums, page info, figures, search hits, graph
slices, paths and account records. They reference no node type, so `types.py` (the node types
and their resolvers) builds on them, never the other way round."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TypeVar

import strawberry

from kg import accounts, coauthorship, neighbourhood, search
from kg import metrics as kg_metrics
from kg import papers as kg_papers
from kg import topics as kg_topics
from kg.paging import Page
from kg.vocabulary import EVIDENCE_KINDS, NODE_TYPES

T = TypeVar("T")
N = TypeVar("N")
E = TypeVar("E")


NodeType = strawberry.enum(Enum("NodeType", {t: t for t in NODE_TYPES}))


@strawberry.enum
class PaperOrderBy(Enum):
    RECENT = "RECENT"
    CITATIONS = "CITATIONS"


@strawberry.type
class CitationYear:
    year: int
    in_graph: int = strawberry.field(
        description="CITES edges into the work(s) from papers of this year in the graph.")
    reported: int | None = strawberry.field(
        description="As the source reports it (OpenAlex counts_by_year); null when not reported.")


def citation_years(found: Sequence[kg_papers.CitationYear] | None) -> list[CitationYear]:
    return [CitationYear(year=c.year, in_graph=c.in_graph, reported=c.reported)
            for c in found or ()]


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


def page_info(page: Page) -> PageInfo:
    return PageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor)


def edges_of(page: Page[T], nodes: Sequence[N | None],
             edge: Callable[[str, T, N], E]) -> list[E]:
    """The edges of a connection: one per page item whose node still exists, with its cursor."""
    return edges_at(page, nodes, lambda at, item, node: edge(page.cursors[at], item, node))


def edges_at(page: Page[T], nodes: Sequence[N | None],
             edge: Callable[[int, T, N], E]) -> list[E]:
    """The same with each item's place in the page instead of its cursor, which is then
    encoded only if an edge reads it (`page.cursors[place]`, kg.paging.Cursors)."""
    return [edge(at, item, node)
            for at, (item, node) in enumerate(zip(page.items, nodes, strict=True))
            if node is not None]


@strawberry.type
class ResearcherMetrics:
    works: int
    citations: int
    h_index: int
    i10_index: int
    followers: int
    topics: int
    close_collaborators: int
    first_year: int | None
    last_year: int | None
    novel_works: int
    novelty: float = strawberry.field(
        description="Share of works that combine topics atypically (a topic pair with NPMI "
                    "below -0.1 over the graph); see docs/services.md.")
    ai_works: int = strawberry.field(
        description="Works in AI: arXiv cs.AI, cs.LG, cs.CL, cs.CV, cs.NE, stat.ML, or a topic "
                    "under OpenAlex's subfield Artificial Intelligence (subfields/1702).")
    ai_score: int = strawberry.field(description="round(100 * aiWorks / works), 0-100.")

    @classmethod
    def of(cls, metrics: kg_metrics.ResearcherMetrics) -> ResearcherMetrics:
        return cls(**vars(metrics))


@strawberry.type
class TrustComponent:
    name: str
    value: float


@strawberry.type
class ResearcherRef:
    id: strawberry.ID
    name: str | None


@strawberry.type
class PaperRef:
    id: strawberry.ID
    title: str | None
    year: int | None


@strawberry.type
class PathStep:
    from_: ResearcherRef = strawberry.field(name="from")
    to: ResearcherRef
    papers: list[PaperRef]


@strawberry.type
class CollaborationPath:
    length: int
    researchers: list[ResearcherRef]
    steps: list[PathStep]

    @classmethod
    def of(cls, path: coauthorship.CollaborationPath) -> CollaborationPath:
        names = {r.id: r.name for r in path.researchers}

        def ref(rid: str) -> ResearcherRef:
            return ResearcherRef(id=strawberry.ID(rid), name=names.get(rid))

        return cls(
            length=path.length,
            researchers=[ref(r.id) for r in path.researchers],
            steps=[PathStep(from_=ref(step.from_id), to=ref(step.to_id),
                            papers=[PaperRef(id=strawberry.ID(p.id), title=p.title, year=p.year)
                                    for p in step.papers])
                   for step in path.steps],
        )


@strawberry.type
class SearchHit:
    id: strawberry.ID
    type: NodeType
    label: str | None
    score: float = strawberry.field(description="1.0 for the best hit of its type.")

    @classmethod
    def of(cls, hit: search.SearchHit) -> SearchHit:
        return cls(id=strawberry.ID(hit.id), type=NodeType(hit.type), label=hit.label,
                   score=hit.score)


@strawberry.type
class GraphNode:
    id: strawberry.ID
    type: NodeType
    label: str
    weight: float


@strawberry.type
class GraphEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    type: str
    weight: float


@strawberry.type
class Truncation:
    type: NodeType
    remaining: int = strawberry.field(
        description="Nodes of this type left out; a lower bound when `exact` is false.")
    remaining_at_most: int = strawberry.field(
        description="An upper bound on the nodes left out; equals `remaining` when `exact` is "
                    "true.")
    exact: bool = strawberry.field(
        description="Whether `remaining` is the exact count (always at depth 1).")


@strawberry.type
class Neighbourhood:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: list[Truncation] = strawberry.field(
        description="Per capped type, how many nodes were left out (every type with "
                    "`remainingAtMost` above 0).")

    @classmethod
    def of(cls, found: neighbourhood.Neighbourhood) -> Neighbourhood:
        return cls(
            nodes=[GraphNode(id=strawberry.ID(n.id), type=NodeType(n.type), label=n.label,
                             weight=n.weight) for n in found.nodes],
            edges=list(found.edges),  # the service's edges have GraphEdge's fields
            truncated=[Truncation(type=NodeType(t.type), remaining=t.remaining,
                                  remaining_at_most=t.remaining_at_most, exact=t.exact)
                       for t in found.truncated],
        )


@strawberry.type
class TopicMapTopic:
    id: strawberry.ID
    name: str | None
    papers: int = strawberry.field(description="Papers on the topic (of the researcher, if one).")
    subfield: str | None
    field: str | None
    domain: str | None


@strawberry.type
class TopicMapLink:
    source: strawberry.ID
    target: strawberry.ID
    cooccurrences: int
    weight: float = strawberry.field(description="NPMI over the graph, as in adjacentTopics.")


@strawberry.type
class TopicMap:
    topics: list[TopicMapTopic]
    links: list[TopicMapLink]

    @classmethod
    def of(cls, found: kg_topics.TopicMap) -> TopicMap:
        return cls(
            topics=[TopicMapTopic(id=strawberry.ID(t.id), name=t.name, papers=t.papers,
                                  subfield=t.subfield, field=t.field, domain=t.domain)
                    for t in found.topics],
            links=[TopicMapLink(source=strawberry.ID(link.source),
                                target=strawberry.ID(link.target),
                                cooccurrences=link.cooccurrences, weight=link.weight)
                   for link in found.links],
        )


@strawberry.type
class Claim:
    id: strawberry.ID
    researcher_id: strawberry.ID
    status: str
    evidence_kind: str
    requested_at: str

    @classmethod
    def of(cls, claim: accounts.Claim) -> Claim:
        return cls(id=strawberry.ID(claim.id), researcher_id=strawberry.ID(claim.researcher_id),
                   status=claim.status, evidence_kind=claim.evidence_kind,
                   requested_at=claim.requested_at)


@strawberry.type
class Invitation:
    id: strawberry.ID
    from_researcher_id: strawberry.ID
    to_researcher_id: strawberry.ID
    message: str
    status: str


EvidenceKind = strawberry.enum(Enum("EvidenceKind", {k.upper(): k for k in EVIDENCE_KINDS}))


@strawberry.input
class ClaimEvidenceInput:
    kind: EvidenceKind
    value: str = strawberry.field(description="An ORCID iD or an institutional e-mail address.")
