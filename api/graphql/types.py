"""GraphQL object types. Thin: built from `kg` service results; nested fields resolve through the
request's DataLoaders."""

from __future__ import annotations

from asyncio import Future
from collections.abc import Awaitable, Callable, Hashable, Sequence
from functools import partial
from typing import Annotated, Any, TypeVar

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.execution import NOT_READY, NOW
from api.graphql.loaders import Loader, Loaders, Then
from api.graphql.prefetch import Deeper, Start
from api.graphql.results import (
    CitationYear,
    Claim,
    Invitation,
    PageInfo,
    PaperOrderBy,
    ResearcherMetrics,
    TrustComponent,
    citation_years,
    edges_at,
    edges_of,
    page_info,
)
from kg import accounts, nodes
from kg.errors import NotFound
from kg.institutions import Members
from kg.paging import Page
from kg.papers import CitationDirection, PaperOrder
from kg.topics import TopicMembers

Ctx = Info[Context, None]
T = TypeVar("T")
K = TypeVar("K")
R = TypeVar("R")


async def run(function: Callable[..., T], *args: Any) -> T:
    """Call a synchronous service (the driver is synchronous) in a worker thread."""
    return await run_in_threadpool(partial(function, *args))


async def loaded(
    load_many: Callable[[list[K]], Awaitable[Sequence[R | None]]], items: Sequence[T],
    key: Callable[[T], K],
) -> list[tuple[T, R]]:
    """Each item with the record its key loads, in order; items whose record is gone are left
    out (a node deleted between two reads of one request)."""
    found = await load_many([key(item) for item in items])
    return [(item, record) for item, record in zip(items, found, strict=True)
            if record is not None]


def _same(value: T) -> T:
    return value


@strawberry.interface
class Node:
    id: strawberry.ID


@strawberry.type
class Source(Node):
    name: str | None
    type: str | None
    papers_count: int

    @classmethod
    def of(cls, node: nodes.SourceNode) -> Source:
        return cls(id=strawberry.ID(node.id), name=node.name, type=node.type,
                   papers_count=node.papers)

    @strawberry.field(description="Papers published in it, most cited first.")
    async def papers(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> PaperConnection:
        page = await info.context.loaders.papers_of_source.load((str(self.id), first, after))
        return await paper_connection(info, page)

    @strawberry.field(description="Researchers with most papers in it, then their citations.")
    async def top_researchers(self, info: Ctx, first: int = 10) -> list[TopicResearcher]:
        loaders = info.context.loaders
        found = await loaders.top_researchers_of_source.load((str(self.id), first)) or []
        pairs = await loaded(loaders.researcher.load_many, found, _id)
        return [TopicResearcher(researcher=Researcher.of(person), works=r.works,
                                citations=r.citations) for r, person in pairs]

    @strawberry.field(description="Share of its papers per topic, at any level.")
    async def topics(
        self, info: Ctx, first: int = 10, level: str = "topic"
    ) -> list[TopicShare]:
        shares = await info.context.loaders.topic_profile_of_source.load(
            (str(self.id), level, first)) or []
        pairs = await _topics(info, shares, lambda s: s.topic.id)
        return [TopicShare(topic=Topic.of(node), works=s.works, share=s.share)
                for s, node in pairs]


@strawberry.type
class Institution(Node):
    name: str | None
    ror: str | None
    country: str | None
    type: str | None
    researchers_count: int
    parent_ids: strawberry.Private[list[str]]

    @classmethod
    def of(cls, node: nodes.InstitutionNode) -> Institution:
        return cls(id=strawberry.ID(node.id), name=node.name, ror=node.ror,
                   country=node.country, type=node.type, researchers_count=node.researchers,
                   parent_ids=node.parent_ids)

    @strawberry.field(description="Institutions this one is part of (its lineage).")
    async def parents(self, info: Ctx) -> list[Institution]:
        pairs = await loaded(info.context.loaders.institution.load_many, self.parent_ids, _same)
        return [Institution.of(node) for _, node in pairs]

    @strawberry.field(description="Institutions that are part of this one.")
    async def children(self, info: Ctx) -> list[Institution]:
        loaders = info.context.loaders
        found = await loaders.children_of_institution.load(str(self.id)) or []
        pairs = await loaded(loaders.institution.load_many, found, _same)
        return [Institution.of(node) for _, node in pairs]

    @strawberry.field(description="Researchers affiliated with it, most works there first.")
    async def researchers(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> InstitutionResearcherConnection:
        loaders = info.context.loaders
        page = await loaders.members_of_institution.load(
            (str(self.id), first, after, Members.RESEARCHERS))
        people = await loaders.researcher.load_many([m.id for m in page.items])
        return InstitutionResearcherConnection(
            edges=edges_of(page, people, lambda cursor, m, person: InstitutionResearcherEdge(
                cursor=cursor, node=Researcher.of(person), works=m.key)),
            page_info=page_info(page), total_count=page.total_count,
        )

    @strawberry.field(description="Papers with an authorship at this institution, most cited "
                                  "first.")
    async def papers(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> PaperConnection:
        page = await info.context.loaders.members_of_institution.load(
            (str(self.id), first, after, Members.PAPERS))
        return await paper_connection(info, Page(
            items=[m.id for m in page.items], cursors=page.cursors,
            total_count=page.total_count, has_next_page=page.has_next_page))

    @strawberry.field(description="Partner institutions: those named with this one on the "
                                  "authorships of a paper, most such papers first.")
    async def partners(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> InstitutionPartnerConnection:
        loaders = info.context.loaders
        page = await loaders.members_of_institution.load(
            (str(self.id), first, after, Members.PARTNERS))
        found = await loaders.institution.load_many([m.id for m in page.items])
        return InstitutionPartnerConnection(
            edges=edges_of(page, found, lambda cursor, m, node: InstitutionPartnerEdge(
                cursor=cursor, node=Institution.of(node), works=m.key)),
            page_info=page_info(page), total_count=page.total_count,
        )

    @strawberry.field(description="Share of this institution's papers per topic, at any level.")
    async def topics(
        self, info: Ctx, first: int = 10, level: str = "topic"
    ) -> list[TopicShare]:
        shares = await info.context.loaders.topic_profile_of_institution.load(
            (str(self.id), level, first)) or []
        pairs = await _topics(info, shares, lambda s: s.topic.id)
        return [TopicShare(topic=Topic.of(node), works=s.works, share=s.share)
                for s, node in pairs]


@strawberry.type
class InstitutionResearcherEdge:
    cursor: str
    node: Annotated[Researcher, strawberry.lazy("api.graphql.types")]
    works: int = strawberry.field(description="Their works with this institution.")


@strawberry.type
class InstitutionResearcherConnection:
    edges: list[InstitutionResearcherEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class InstitutionPartnerEdge:
    cursor: str
    node: Institution
    works: int = strawberry.field(description="Papers whose authorships name both institutions.")


@strawberry.type
class InstitutionPartnerConnection:
    edges: list[InstitutionPartnerEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class Topic(Node):
    name: str | None
    level: str | None
    papers_count: int
    parent_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, node: nodes.TopicNode) -> Topic:
        return cls(id=strawberry.ID(node.id), name=node.name, level=node.level,
                   papers_count=node.papers, parent_id=node.parent_id)

    @strawberry.field(description="The topic one level up (topic -> subfield -> field -> domain).")
    async def parent(self, info: Ctx) -> Topic | None:
        if self.parent_id is None:
            return None
        node = await info.context.loaders.topic.load(self.parent_id)
        return Topic.of(node) if node else None

    @strawberry.field(description="Every level above, nearest first.")
    async def ancestors(self, info: Ctx) -> list[Topic]:
        found = await _topic_ancestors(info.context.loaders, str(self.id)) or []
        return [Topic.of(node) for _, node in await _topics(info, found)]

    @strawberry.field(description="The topics one level down.")
    async def children(self, info: Ctx) -> list[Topic]:
        found = await _topic_children(info.context.loaders, str(self.id)) or []
        return [Topic.of(node) for _, node in await _topics(info, found)]

    @strawberry.field(description="Topics that share papers with this one, most co-occurrences "
                                  "first; weight is their NPMI over the graph.")
    async def adjacent_topics(
        self, info: Ctx, first: int = 10, after: str | None = None
    ) -> AdjacentTopicConnection:
        page = await _adjacent_topics(info.context.loaders, str(self.id), first, after)
        if page is None:
            return AdjacentTopicConnection(edges=[], page_info=PageInfo(
                has_next_page=False, end_cursor=None), total_count=0)
        found = await info.context.loaders.topic.load_many([a.topic.id for a in page.items])
        return AdjacentTopicConnection(
            edges=edges_of(page, found, lambda cursor, adjacent, node: AdjacentTopicEdge(
                cursor=cursor, node=Topic.of(node), cooccurrences=adjacent.cooccurrences,
                weight=adjacent.weight)),
            page_info=page_info(page), total_count=page.total_count,
        )

    @strawberry.field(description="Papers on this topic (or under it), most cited first.")
    async def top_papers(self, info: Ctx, first: int = 10) -> list[Paper]:
        found = await _top_papers(info.context.loaders, str(self.id), first) or []
        pairs = await loaded(info.context.loaders.paper.load_many, found, _id)
        return [Paper.of(node) for _, node in pairs]

    @strawberry.field(description="Every paper on this topic or under it, most cited first.")
    async def papers(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> PaperConnection:
        page = await info.context.loaders.members_of_topic.load(
            (str(self.id), first, after, TopicMembers.PAPERS))
        return await paper_connection(info, Page(
            items=[m.id for m in page.items], cursors=page.cursors,
            total_count=page.total_count, has_next_page=page.has_next_page))

    @strawberry.field(description="Every researcher with works on this topic or under it, most "
                                  "such works first.")
    async def researchers(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> TopicResearcherConnection:
        loaders = info.context.loaders
        page = await loaders.members_of_topic.load(
            (str(self.id), first, after, TopicMembers.RESEARCHERS))
        people = await loaders.researcher.load_many([m.id for m in page.items])
        return TopicResearcherConnection(
            edges=edges_of(page, people, lambda cursor, m, person: TopicResearcherEdge(
                cursor=cursor, node=Researcher.of(person), works=m.key)),
            page_info=page_info(page), total_count=page.total_count,
        )

    @strawberry.field(description="Researchers with most works on this topic, then citations.")
    async def top_researchers(self, info: Ctx, first: int = 10) -> list[TopicResearcher]:
        found = await _top_researchers(info.context.loaders, str(self.id), first) or []
        pairs = await loaded(info.context.loaders.researcher.load_many, found, _id)
        return [TopicResearcher(researcher=Researcher.of(person), works=r.works,
                                citations=r.citations) for r, person in pairs]


def _topic_ancestors(loaders: Loaders, tid: str) -> Future[Any]:
    return loaders.topic_ancestors.load(tid)


def _topic_children(loaders: Loaders, tid: str) -> Future[Any]:
    return loaders.topic_children.load(tid)


def _adjacent_topics(loaders: Loaders, tid: str, first: int, after: str | None) -> Future[Any]:
    return loaders.adjacent_topics.load((tid, first, after))


def _top_papers(loaders: Loaders, tid: str, first: int) -> Future[Any]:
    return loaders.top_papers_of_topic.load((tid, first))


def _top_researchers(loaders: Loaders, tid: str, first: int) -> Future[Any]:
    return loaders.top_researchers_of_topic.load((tid, first))


TOPIC_PREFETCH: dict[str, Start] = {
    "ancestors": _topic_ancestors, "children": _topic_children,
    "adjacentTopics": _adjacent_topics, "topPapers": _top_papers,
    "topResearchers": _top_researchers,
}


def _id(item: Any) -> str:
    return item.id


async def _topics(info: Ctx, items: Sequence[T], key: Callable[[T], str] = _id
                  ) -> list[tuple[T, nodes.TopicNode]]:
    return await loaded(info.context.loaders.topic.load_many, items, key)


@strawberry.type
class TopicResearcherEdge:
    cursor: str
    node: Annotated[Researcher, strawberry.lazy("api.graphql.types")]
    works: int = strawberry.field(description="Their works on the topic or under it.")


@strawberry.type
class TopicResearcherConnection:
    edges: list[TopicResearcherEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class TrendingTopic:
    topic: Topic
    works: int = strawberry.field(description="Works under it published in the window.")


@strawberry.type
class AdjacentTopicEdge:
    cursor: str
    node: Topic
    cooccurrences: int
    weight: float


@strawberry.type
class AdjacentTopicConnection:
    edges: list[AdjacentTopicEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class TopicResearcher:
    researcher: Annotated[Researcher, strawberry.lazy("api.graphql.types")]
    works: int
    citations: int


@strawberry.type
class TopicShare:
    topic: Topic
    works: int
    share: float = strawberry.field(description="Works on this topic / all works.")


@strawberry.type
class PaperTopic:
    topic: Topic
    score: float | None
    primary: bool


@strawberry.type
class Authorship:
    researcher: Annotated[Researcher, strawberry.lazy("api.graphql.types")]
    position: str | None
    is_corresponding: bool


def _authors_now(paper: Paper, context: Context) -> Any:
    loaders = context.loaders
    return _built_now(loaders.authors_of_paper, str(paper.id), loaders.researcher,
                      _researcher_id, _authorship)


def _topics_now(paper: Paper, context: Context) -> Any:
    loaders = context.loaders
    return _built_now(loaders.topics_of_paper, str(paper.id), loaders.topic, _topic_id,
                      _paper_topic)


@strawberry.type
class Paper(Node):
    doi: str | None
    title: str | None
    abstract: str | None
    year: int | None
    date: str | None
    type: str | None
    cited_by_count: int = strawberry.field(description="As reported by the source.")
    citations: int = strawberry.field(
        description="max(cited_by_count, CITES edges into this paper in the graph).")
    upvotes: int
    is_retracted: bool
    categories: list[str]
    organisation: str | None
    source_ids: list[str] = strawberry.field(
        description="Every source id of the work (one paper per work): its OpenAlex id, "
                    "`doi:<doi>`, `arxiv:<id>`; `paper(id:)` answers for each.")
    source_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, node: nodes.PaperNode) -> Paper:
        return cls(id=strawberry.ID(node.id), doi=node.doi, title=node.title,
                   abstract=node.abstract, year=node.year, date=node.date, type=node.type,
                   cited_by_count=node.cited_by_count, citations=node.citations,
                   upvotes=node.upvotes, is_retracted=node.is_retracted,
                   categories=node.categories, organisation=node.organisation,
                   source_ids=node.source_ids, source_id=node.source_id)

    @strawberry.field
    async def source(self, info: Ctx) -> Source | None:
        if self.source_id is None:
            return None
        node = await info.context.loaders.source.load(self.source_id)
        return Source.of(node) if node else None

    @strawberry.field(description="Authors in authorship order.",
                      metadata={NOW: _authors_now})
    def authors(self, info: Ctx) -> list[Authorship]:
        loaders = info.context.loaders
        return _now_or_later(_authors(loaders, str(self.id)), loaders.researcher,
                             _researcher_id, _authorship)  # type: ignore[return-value]

    @strawberry.field(metadata={NOW: _topics_now})
    def topics(self, info: Ctx) -> list[PaperTopic]:
        loaders = info.context.loaders
        return _now_or_later(_paper_topics(loaders, str(self.id)), loaders.topic, _topic_id,
                             _paper_topic)  # type: ignore[return-value]

    @strawberry.field(description="The papers in the graph this one cites, most cited first; "
                                  "totalCount is the in-graph reference count.")
    async def references(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> PaperConnection:
        page = await info.context.loaders.citations_of_paper.load(
            (str(self.id), first, after, CitationDirection.REFERENCES))
        return await paper_connection(info, page)

    @strawberry.field(description="The papers in the graph that cite this one, newest first; "
                                  "totalCount is the in-graph citation count (citedByCount is "
                                  "the source's).")
    async def cited_by(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> PaperConnection:
        page = await info.context.loaders.citations_of_paper.load(
            (str(self.id), first, after, CitationDirection.CITED_BY))
        return await paper_connection(info, page)

    @strawberry.field(description="Papers most like this one: 2 x co-citations + 2 x shared "
                                  "references + shared topics, with the reasons.")
    async def similar(self, info: Ctx, first: int = 10) -> list[SimilarPaper]:
        loaders = info.context.loaders
        found = await loaders.similar_papers.load((str(self.id), first)) or []
        pairs = await loaded(loaders.paper.load_many, found, _id)
        return [SimilarPaper(paper=Paper.of(node), score=s.score, co_cited=s.co_cited,
                             shared_references=s.shared_references,
                             shared_topics=s.shared_topics, reasons=s.reasons)
                for s, node in pairs]

    @strawberry.field(description="Citations per year, in the graph and as reported, oldest "
                                  "year first.")
    async def citations_by_year(self, info: Ctx) -> list[CitationYear]:
        return citation_years(
            await info.context.loaders.citations_by_year_of_paper.load(str(self.id)))


def _authorship(a: Any, person: nodes.ResearcherNode) -> Authorship:
    return Authorship(researcher=Researcher.of(person), position=a.position,
                      is_corresponding=a.is_corresponding)


def _paper_topic(t: Any, node: nodes.TopicNode) -> PaperTopic:
    return PaperTopic(topic=Topic.of(node), score=t.score, primary=t.primary)


def _researcher_id(authorship: Any) -> str:
    return authorship.researcher_id


def _topic_id(paper_topic: Any) -> str:
    return paper_topic.topic_id


def _now_or_later(items: Future[Any], nodes_loader: Loader, key: Callable[[Any], Hashable],
                  build: Callable[[Any, Any], R]) -> list[R] | Awaitable[list[R]]:
    """Each item with the node its key loads, built, in order (items whose node is gone left
    out): as a plain list when the items and their nodes are loaded already (a page's look-ahead
    read them with it), so graphql-core completes the field without an awaitable; else later."""
    if items.done() and not items.cancelled() and items.exception() is None:
        now = _built(items.result() or [], nodes_loader, key, build)
        if now is not NOT_READY:
            return now  # type: ignore[return-value]

    async def later() -> list[R]:
        pairs = await loaded(nodes_loader.load_many, await items or [], key)
        return [build(item, node) for item, node in pairs]

    return later()


def _built_now(items_loader: Loader, item_key: Hashable, nodes_loader: Loader,
               key: Callable[[Any], Hashable], build: Callable[[Any, Any], R]) -> Any:
    """What `_now_or_later` answers now, without loading anything; NOT_READY when it would
    wait (the fast path of api/graphql/execution.py)."""
    known, found = items_loader.ready(item_key)
    return _built(found or [], nodes_loader, key, build) if known else NOT_READY


def _built(found: Sequence[Any], nodes_loader: Loader, key: Callable[[Any], Hashable],
           build: Callable[[Any, Any], R]) -> Any:
    nodes_of = [nodes_loader.ready(key(item)) for item in found]
    if not all(known for known, _ in nodes_of):
        return NOT_READY
    return [build(item, node) for item, (_, node) in zip(found, nodes_of, strict=True)
            if node is not None]


def _authors(loaders: Loaders, pid: str) -> Future[Any]:
    return loaders.authors_of_paper.load(pid)


def _paper_topics(loaders: Loaders, pid: str) -> Future[Any]:
    return loaders.topics_of_paper.load(pid)


PAPER_PREFETCH: dict[str, Start] = {"authors": _authors, "topics": _paper_topics}


@strawberry.type
class SimilarPaper:
    paper: Paper
    score: int
    co_cited: int = strawberry.field(description="Papers in the graph citing both.")
    shared_references: int = strawberry.field(description="Papers both cite.")
    shared_topics: int = strawberry.field(description="Level-topic topics both carry.")
    reasons: list[str] = strawberry.field(
        description='E.g. "cited together by 12 papers", "share 8 references", "same 3 topics".')


@strawberry.type
class PaperEdge:
    cursor: str
    node: Paper


@strawberry.type
class PaperConnection:
    edges: list[PaperEdge]
    page_info: PageInfo
    total_count: int


async def paper_connection(info: Ctx, page: Page[str]) -> PaperConnection:
    found = await info.context.loaders.paper.load_many(page.items)
    return PaperConnection(
        edges=edges_of(page, found, lambda cursor, _, node: PaperEdge(cursor=cursor,
                                                                      node=Paper.of(node))),
        page_info=page_info(page), total_count=page.total_count,
    )


@strawberry.type
class InstitutionAffiliation:
    institution: Institution
    works: int
    first_year: int | None
    last_year: int | None


@strawberry.type
class TrustContributor:
    researcher: Annotated[Researcher, strawberry.lazy("api.graphql.types")] | None
    institution: Institution | None
    share: float


@strawberry.type
class TrustExplanation:
    components: list[TrustComponent] = strawberry.field(
        description="Points per part of the score; they add up to the score before rounding.")
    contributors: list[TrustContributor] = strawberry.field(
        description="The neighbours whose trust flowed in most, with their share of the inflow.")
    others: float = strawberry.field(description="The share of everyone else; shares add to 1.")


@strawberry.type
class Trust:
    score: int | None = strawberry.field(description="0-100; null before `kg trust compute`.")
    tier: str | None = strawberry.field(
        description="Emerging (<25), Established (<50), Trusted (<75), Exemplary.")
    verification_level: int = strawberry.field(
        description="0 imported, 1 ORCID, 2 approved claim, 3 approved claim with verified "
                    "ORCID or institutional e-mail.")
    claimed: bool
    propagated: float | None = strawberry.field(
        description="The raw TrustRank value before scaling.")
    researcher_id: strawberry.Private[str]

    @strawberry.field
    async def explanation(self, info: Ctx, top: int = 5) -> TrustExplanation:
        found = await info.context.loaders.trust_explanation.load((self.researcher_id, top))
        if found is None:
            raise NotFound(f"no researcher {self.researcher_id!r}")
        loaders = info.context.loaders
        people = await loaders.researcher.load_many(
            [c.id for c in found.contributors if c.kind == "researcher"])
        places = await loaders.institution.load_many(
            [c.id for c in found.contributors if c.kind == "institution"])
        by_id: dict[str, Any] = {n.id: n for n in (*people, *places) if n is not None}
        return TrustExplanation(
            components=[TrustComponent(name=c.name, value=c.value) for c in found.components],
            contributors=[
                TrustContributor(
                    researcher=Researcher.of(by_id[c.id]) if c.kind == "researcher" else None,
                    institution=Institution.of(by_id[c.id]) if c.kind == "institution" else None,
                    share=c.share)
                for c in found.contributors if c.id in by_id
            ],
            others=found.others,
        )


def _edge_cursor(root: CoauthorEdge) -> str:
    return root.cursors[root.position]


def _edge_cursor_now(edge: CoauthorEdge, _context: Context) -> str:
    return _edge_cursor(edge)


@strawberry.type
class CoauthorEdge:
    cursor: str = strawberry.field(resolver=_edge_cursor, metadata={NOW: _edge_cursor_now})
    node: Researcher
    shared_works: int
    first_year: int | None
    last_year: int | None
    # the page's cursors, encoded when read (kg.paging.Cursors), and this edge's place in them
    cursors: strawberry.Private[Sequence[str]]
    position: strawberry.Private[int]


@strawberry.type
class CoauthorConnection:
    edges: list[CoauthorEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class Collaborator:
    researcher: Researcher
    shared_works: int
    first_year: int | None
    last_year: int | None


@strawberry.type
class SuggestedCollaborator:
    researcher: Researcher
    score: float
    via: list[Researcher] = strawberry.field(description="The co-authors who link the two.")
    shared_topics: list[Topic]


@strawberry.type
class Researcher(Node):
    name: str | None
    orcid: str | None
    alt_names: list[str]
    open_to_collaborate: bool

    @classmethod
    def of(cls, node: nodes.ResearcherNode) -> Researcher:
        return cls(id=strawberry.ID(node.id), name=node.name, orcid=node.orcid,
                   alt_names=node.alt_names, open_to_collaborate=node.open_to_collaborate)

    @strawberry.field(description="Users following this researcher, newest first (names only).")
    async def followers(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> FollowerConnection:
        page = await info.context.loaders.listings.load(
            (str(self.id), first, after, accounts.Listing.FOLLOWERS))
        return FollowerConnection(
            edges=[FollowerEdge(cursor=cursor, name=item.name, since=item.since)
                   for cursor, item in zip(page.cursors, page.items, strict=True)],
            page_info=page_info(page), total_count=page.total_count)

    @strawberry.field(description="Institutions from authorships and profiles, most works first.")
    async def institutions(self, info: Ctx) -> list[InstitutionAffiliation]:
        loaders = info.context.loaders
        affiliations = await _institutions(loaders, str(self.id))
        pairs = await loaded(loaders.institution.load_many, affiliations,
                             lambda a: a.institution_id)
        return [InstitutionAffiliation(institution=Institution.of(node), works=a.works,
                                       first_year=a.first_year, last_year=a.last_year)
                for a, node in pairs]

    @strawberry.field
    async def papers(
        self, info: Ctx, first: int = 20, after: str | None = None,
        order_by: PaperOrderBy = PaperOrderBy.RECENT,
    ) -> PaperConnection:
        page = await _papers(info.context.loaders, str(self.id), first, after, order_by)
        return await paper_connection(info, page)

    @strawberry.field(description="Share of this researcher's works per topic, at any level.")
    async def topics(
        self, info: Ctx, first: int = 10, level: str = "topic"
    ) -> list[TopicShare]:
        shares = await _topic_profile(info.context.loaders, str(self.id), first, level) or []
        pairs = await _topics(info, shares, lambda s: s.topic.id)
        return [TopicShare(topic=Topic.of(node), works=s.works, share=s.share)
                for s, node in pairs]

    @strawberry.field
    async def trust(self, info: Ctx) -> Trust:
        found = await _trust(info.context.loaders, str(self.id))
        return Trust(score=found.score, tier=found.tier,
                     verification_level=found.verification_level, claimed=found.claimed,
                     propagated=found.propagated, researcher_id=found.researcher_id)

    @strawberry.field(description="Citations of this researcher's works per year, in the graph "
                                  "and as reported (summed over the works), oldest year first.")
    async def citations_by_year(self, info: Ctx) -> list[CitationYear]:
        return citation_years(
            await info.context.loaders.citations_by_year_of_researcher.load(str(self.id)))

    @strawberry.field
    async def metrics(self, info: Ctx) -> ResearcherMetrics:
        return ResearcherMetrics.of(await _metrics(info.context.loaders, str(self.id)))

    @strawberry.field(description="Co-authors, most shared works first, then most recent.")
    async def coauthors(
        self, info: Ctx, first: int = 25, after: str | None = None
    ) -> CoauthorConnection:
        page = await _coauthors(info.context.loaders, str(self.id), first, after)
        people = await info.context.loaders.researcher.load_many([c.id for c in page.items])
        return CoauthorConnection(
            edges=edges_at(page, people, lambda position, c, person: CoauthorEdge(
                node=Researcher.of(person), shared_works=c.shared_works,
                first_year=c.first_year, last_year=c.last_year,
                cursors=page.cursors, position=position)),
            page_info=page_info(page), total_count=page.total_count,
        )

    @strawberry.field(description="Co-authors with at least 2 shared works, closest first.")
    async def close_collaborators(self, info: Ctx) -> list[Collaborator]:
        close = await _close_collaborators(info.context.loaders, str(self.id)) or ()
        pairs = await loaded(info.context.loaders.researcher.load_many, close, _id)
        return [Collaborator(researcher=Researcher.of(person), shared_works=c.shared_works,
                             first_year=c.first_year, last_year=c.last_year)
                for c, person in pairs]

    @strawberry.field(description="Co-authors of co-authors who share topics and never wrote "
                                  "with this researcher, with the reason.")
    async def suggested_collaborators(
        self, info: Ctx, first: int = 10
    ) -> list[SuggestedCollaborator]:
        loaders = info.context.loaders
        found = await loaders.suggested_collaborators.load((str(self.id), first)) or ()
        wanted = list(dict.fromkeys(i for s in found for i in (s.id, *(v.id for v in s.via))))
        people = {rid: Researcher.of(node) for rid, node
                  in await loaded(loaders.researcher.load_many, wanted, _same)}
        topic_ids = list(dict.fromkeys(t.id for s in found for t in s.shared_topics))
        topics = {tid: Topic.of(node) for tid, node in await _topics(info, topic_ids, _same)}
        return [
            SuggestedCollaborator(
                researcher=people[s.id], score=s.score,
                via=[people[v.id] for v in s.via if v.id in people],
                shared_topics=[topics[t.id] for t in s.shared_topics if t.id in topics],
            )
            for s in found if s.id in people
        ]


def _institutions(loaders: Loaders, rid: str) -> Future[Any]:
    return loaders.institutions_of_researcher.load(rid)


def _papers(loaders: Loaders, rid: str, first: int, after: str | None, order_by: PaperOrderBy
            ) -> Future[Any]:
    return loaders.papers_of_researcher.load((rid, first, after, PaperOrder[order_by.value]))


def _topic_profile(loaders: Loaders, rid: str, first: int, level: str) -> Future[Any]:
    return loaders.topic_profile.load((rid, level, first))


def _trust(loaders: Loaders, rid: str) -> Future[Any]:
    return loaders.trust.load(rid)


def _metrics(loaders: Loaders, rid: str) -> Future[Any]:
    return loaders.metrics.load(rid)


def _coauthors(loaders: Loaders, rid: str, first: int, after: str | None) -> Future[Any]:
    return loaders.coauthors.load((rid, first, after))


def _close_collaborators(loaders: Loaders, rid: str) -> Future[Any]:
    return loaders.close_collaborators.load(rid)


def _page_items(page: Page[str] | None) -> list[str]:
    return page.items if page is not None else []


def _carried_authors(page: Any) -> dict[str, Any]:
    return getattr(page, "authors", {})


def _carried_topics(page: Any) -> dict[str, Any]:
    return getattr(page, "topics", {})


def _papers_deeper(loaders: Loaders, selected: set[str]) -> None:
    """A page of papers whose nodes ask for their authors or topics reads them with the page:
    both in the page's own query (papers.PaperPage), one in the same round."""
    if {"authors", "topics"} <= selected:
        loaders.papers_with_authors_and_topics = True
    for name, loader, carried in (("authors", loaders.authors_of_paper, _carried_authors),
                                  ("topics", loaders.topics_of_paper, _carried_topics)):
        if name in selected:
            loaders.papers_of_researcher.also(Then(loader, _page_items, carried))


RESEARCHER_DEEPER: dict[str, Deeper] = {"papers": _papers_deeper}

RESEARCHER_PREFETCH: dict[str, Start] = {
    "institutions": _institutions, "papers": _papers, "topics": _topic_profile,
    "trust": _trust, "metrics": _metrics, "coauthors": _coauthors,
    "closeCollaborators": _close_collaborators,
}


@strawberry.type
class FollowerEdge:
    cursor: str
    name: str | None
    since: str | None


@strawberry.type
class FollowerConnection:
    edges: list[FollowerEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class ResearcherEdge:
    cursor: str
    node: Researcher


@strawberry.type
class ResearcherConnection:
    edges: list[ResearcherEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    name: str | None
    roles: list[str]
    orcid: str | None

    @classmethod
    def of(cls, user: accounts.User) -> User:
        return cls(id=strawberry.ID(user.id), email=user.email, name=user.name,
                   roles=list(user.roles), orcid=user.orcid)

    @strawberry.field(description="Researchers this user follows, newest follow first.")
    async def following(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> ResearcherConnection:
        loaders = info.context.loaders
        page = await loaders.listings.load((str(self.id), first, after,
                                            accounts.Listing.FOLLOWING))
        people = await loaders.researcher.load_many([item.id for item in page.items])
        return ResearcherConnection(
            edges=edges_of(page, people, lambda cursor, _, person: ResearcherEdge(
                cursor=cursor, node=Researcher.of(person))),
            page_info=page_info(page), total_count=page.total_count)

    @strawberry.field(description="Papers this user upvoted, newest upvote first.")
    async def upvoted(
        self, info: Ctx, first: int = 20, after: str | None = None
    ) -> PaperConnection:
        page = await info.context.loaders.listings.load((str(self.id), first, after,
                                                         accounts.Listing.UPVOTES))
        return await paper_connection(info, Page(
            items=[item.id for item in page.items], cursors=page.cursors,
            total_count=page.total_count, has_next_page=page.has_next_page))

    @strawberry.field(description="Claims this user made, newest first.")
    async def claims(self, info: Ctx) -> list[Claim]:
        return [Claim.of(c) for c in
                await info.context.loaders.claims_of_user.load(str(self.id)) or []]

    @strawberry.field(description="Invitations this user sent, newest first.")
    async def invitations(self, info: Ctx) -> list[Invitation]:
        return [Invitation(id=strawberry.ID(i.id),
                           from_researcher_id=strawberry.ID(i.from_researcher_id),
                           to_researcher_id=strawberry.ID(i.to_researcher_id),
                           message=i.message, status=i.status)
                for i in await info.context.loaders.invitations_of_user.load(str(self.id)) or []]
