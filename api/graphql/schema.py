"""The GraphQL schema: root Query and Mutation fields. Resolvers call `kg` services (in a worker
thread: the driver is synchronous) and build the types of `api/graphql/types.py`."""

from __future__ import annotations

import datetime
from enum import Enum
from functools import partial
from typing import Annotated, Any

import strawberry

from api.graphql.limits import limit_extensions
from api.graphql.types import (
    Ctx,
    Institution,
    Node,
    NodeType,
    Paper,
    PaperConnection,
    Researcher,
    Source,
    Topic,
    paper_connection,
    run,
)
from kg import accounts, coauthorship, neighbourhood, papers, search
from kg.config import Settings


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
    remaining: int


@strawberry.type
class Neighbourhood:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: list[Truncation] = strawberry.field(
        description="Per capped type, how many nodes were left out.")

    @classmethod
    def of(cls, found: neighbourhood.Neighbourhood) -> Neighbourhood:
        return cls(
            nodes=[GraphNode(id=strawberry.ID(n.id), type=NodeType(n.type), label=n.label,
                             weight=n.weight) for n in found.nodes],
            edges=[GraphEdge(id=strawberry.ID(e.id), source=strawberry.ID(e.source),
                             target=strawberry.ID(e.target), type=e.type, weight=e.weight)
                   for e in found.edges],
            truncated=[Truncation(type=NodeType(t.type), remaining=t.remaining)
                       for t in found.truncated],
        )


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


@strawberry.enum
class EvidenceKind(Enum):
    ORCID = "orcid"
    INSTITUTIONAL_EMAIL = "institutional_email"


@strawberry.input
class ClaimEvidenceInput:
    kind: EvidenceKind
    value: str = strawberry.field(description="An ORCID iD or an institutional e-mail address.")


def _type_names(types: list[NodeType] | None) -> list[str] | None:
    return [t.value for t in types] if types is not None else None


def _bounded(function: Any, info: Ctx) -> Any:
    settings = info.context.settings
    return partial(function, max_chars=settings.search_max_chars,
                   max_terms=settings.search_max_terms)


async def _node(info: Ctx, node_type: str, node_id: str) -> Node | None:
    loaders = info.context.loaders
    builders: dict[str, tuple[Any, Any]] = {
        "PAPER": (loaders.paper, Paper.of),
        "RESEARCHER": (loaders.researcher, Researcher.of),
        "TOPIC": (loaders.topic, Topic.of),
        "INSTITUTION": (loaders.institution, Institution.of),
        "SOURCE": (loaders.source, Source.of),
    }
    loader, build = builders[node_type]
    found = await loader.load(node_id)
    return build(found) if found is not None else None


@strawberry.type
class Query:
    @strawberry.field(description="Any node by id, whatever its type.")
    async def node(self, info: Ctx, id: strawberry.ID) -> Node | None:
        node_type = await info.context.loaders.node_type.load(str(id))
        return await _node(info, node_type, str(id)) if node_type else None

    @strawberry.field
    async def researcher(self, info: Ctx, id: strawberry.ID) -> Researcher | None:
        return await _node(info, "RESEARCHER", str(id))  # type: ignore[return-value]

    @strawberry.field
    async def paper(self, info: Ctx, id: strawberry.ID) -> Paper | None:
        return await _node(info, "PAPER", str(id))  # type: ignore[return-value]

    @strawberry.field
    async def topic(self, info: Ctx, id: strawberry.ID) -> Topic | None:
        return await _node(info, "TOPIC", str(id))  # type: ignore[return-value]

    @strawberry.field
    async def institution(self, info: Ctx, id: strawberry.ID) -> Institution | None:
        return await _node(info, "INSTITUTION", str(id))  # type: ignore[return-value]

    @strawberry.field(description="Full-text search over papers, researchers, topics and "
                                  "institutions; any input is safe.")
    async def search(
        self, info: Ctx, query: str, types: list[NodeType] | None = None, first: int = 10
    ) -> list[SearchHit]:
        hits = await run(_bounded(search.search, info), info.context.graph, query,
                         _type_names(types), first)
        return [SearchHit.of(hit) for hit in hits]

    @strawberry.field(description="Completions of typed-so-far text (last word as a prefix).")
    async def autocomplete(
        self, info: Ctx, prefix: str, types: list[NodeType] | None = None, first: int = 10
    ) -> list[SearchHit]:
        hits = await run(_bounded(search.autocomplete, info), info.context.graph, prefix,
                         _type_names(types), first)
        return [SearchHit.of(hit) for hit in hits]

    @strawberry.field(description="Typed nodes and edges around a node, capped per type.")
    async def neighbourhood(
        self, info: Ctx, id: strawberry.ID, depth: int = 1, types: list[NodeType] | None = None,
        limit_per_type: int = 25,
    ) -> Neighbourhood:
        found = await run(neighbourhood.neighbourhood, info.context.graph, str(id), depth,
                          _type_names(types), limit_per_type)
        return Neighbourhood.of(found)

    @strawberry.field(description="The shortest co-authorship path, with the papers that link "
                                  "each step; null when farther apart than maxHops.")
    async def collaboration_path(
        self, info: Ctx, from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID, max_hops: int = 6,
    ) -> CollaborationPath | None:
        path = await run(coauthorship.collaboration_path, info.context.graph, str(from_), str(to),
                         max_hops)
        return CollaborationPath.of(path) if path else None

    @strawberry.field(description="Papers by upvotes, then citations, then date.")
    async def trending_papers(
        self, info: Ctx, first: int = 20, after: str | None = None,
        since: datetime.date | None = None,
    ) -> PaperConnection:
        page = await run(papers.trending_papers, info.context.graph, first, after,
                         since.isoformat() if since else None)
        return await paper_connection(info, page)

    @strawberry.field(description="The caller's account; null without a token.")
    async def me(self, info: Ctx) -> User | None:
        user = await info.context.user()
        return User.of(user) if user else None


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Follow a researcher; returns their follower count.")
    async def follow(self, info: Ctx, researcher_id: strawberry.ID) -> int:
        user = await info.context.user()
        return await run(accounts.follow, info.context.graph, user, str(researcher_id))

    @strawberry.mutation(description="Stop following a researcher; returns their follower count.")
    async def unfollow(self, info: Ctx, researcher_id: strawberry.ID) -> int:
        user = await info.context.user()
        return await run(accounts.unfollow, info.context.graph, user, str(researcher_id))

    @strawberry.mutation(description="Claim a researcher record, with evidence, for review.")
    async def request_claim(
        self, info: Ctx, researcher_id: strawberry.ID, evidence: ClaimEvidenceInput
    ) -> Claim:
        user = await info.context.user()
        claim = await run(accounts.request_claim, info.context.graph, user, str(researcher_id),
                          evidence.kind.value, evidence.value)
        return Claim.of(claim)

    @strawberry.mutation(description="Approve or reject a pending claim (admins only).")
    async def review_claim(
        self, info: Ctx, claim_id: strawberry.ID, approve: bool, note: str | None = None
    ) -> Claim:
        user = await info.context.user()
        claim = await run(accounts.review_claim, info.context.graph, user, str(claim_id),
                          approve, note)
        return Claim.of(claim)

    @strawberry.mutation(description="Only the approved claimant of the record may set this.")
    async def set_open_to_collaborate(
        self, info: Ctx, researcher_id: strawberry.ID, open: bool
    ) -> bool:
        user = await info.context.user()
        return await run(accounts.set_open_to_collaborate, info.context.graph, user,
                         str(researcher_id), open)

    @strawberry.mutation(description="Invite a claimed researcher, as the claimant of another.")
    async def invite(
        self, info: Ctx, from_researcher_id: strawberry.ID, to_researcher_id: strawberry.ID,
        message: str,
    ) -> Invitation:
        user = await info.context.user()
        sent = await run(accounts.invite, info.context.graph, user, str(from_researcher_id),
                         str(to_researcher_id), message)
        return Invitation(id=strawberry.ID(sent.id),
                          from_researcher_id=strawberry.ID(sent.from_researcher_id),
                          to_researcher_id=strawberry.ID(sent.to_researcher_id),
                          message=sent.message, status=sent.status)

    @strawberry.mutation(description="Upvote a paper (once per user); returns its upvotes.")
    async def upvote(self, info: Ctx, paper_id: strawberry.ID) -> int:
        user = await info.context.user()
        return await run(accounts.upvote, info.context.graph, user, str(paper_id))


class KgSchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:  # noqa: ANN001
        """Errors are logged where they are coded (api/errors.py), expected ones not at all."""


def build_schema(settings: Settings) -> strawberry.Schema:
    return KgSchema(
        query=Query, mutation=Mutation,
        types=[Paper, Researcher, Topic, Institution, Source, NodeType],
        extensions=limit_extensions(settings),
    )
