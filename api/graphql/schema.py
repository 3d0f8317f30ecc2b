"""The GraphQL schema: root Query and Mutation fields. Query resolvers call `kg` services in the
request's rounds (`Context.read`, one read transaction per level), mutations in a worker thread
of their own (a write transaction each); both build the node types of `types.py` and the value
types of `results.py`."""

from __future__ import annotations

import datetime
from functools import partial
from typing import Annotated, Any

import strawberry

from api.graphql import cache
from api.graphql.cache import Lru, ParsedDocuments
from api.graphql.execution import PlainExecutionContext
from api.graphql.limits import limit_extensions
from api.graphql.prefetch import Deeper, Start, prefetch
from api.graphql.results import (
    Claim,
    ClaimEvidenceInput,
    CollaborationPath,
    Invitation,
    Neighbourhood,
    NodeType,
    SearchHit,
    TopicMap,
)
from api.graphql.shown import DOCUMENTS, ShownFields
from api.graphql.types import (
    PAPER_PREFETCH,
    RESEARCHER_DEEPER,
    RESEARCHER_PREFETCH,
    TOPIC_PREFETCH,
    Ctx,
    Institution,
    Node,
    Paper,
    PaperConnection,
    Researcher,
    Source,
    Topic,
    TrendingTopic,
    User,
    loaded,
    paper_connection,
    run,
)
from api.telemetry import OperationTelemetry
from kg import accounts, coauthorship, neighbourhood, papers, search, topics
from kg import topics as kg_topics
from kg.config import Settings


def _type_names(types: list[NodeType] | None) -> list[str] | None:
    return [t.value for t in types] if types is not None else None


PREFETCH: dict[str, tuple[type, dict[str, Start], dict[str, Deeper]]] = {
    "RESEARCHER": (Researcher, RESEARCHER_PREFETCH, RESEARCHER_DEEPER),
    "TOPIC": (Topic, TOPIC_PREFETCH, {}),
    "PAPER": (Paper, PAPER_PREFETCH, {}),
}


async def _node(info: Ctx, node_type: str, node_id: str, look_ahead: bool = False
                ) -> Node | None:
    """The node, and with `look_ahead` its selected children loading in the same round."""
    loaders = info.context.loaders
    if look_ahead and node_type in PREFETCH:
        owner, starts, deeper = PREFETCH[node_type]
        prefetch(info, owner, node_id, starts, deeper)
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
        return await _node(info, node_type, str(id), look_ahead=True) if node_type else None

    @strawberry.field
    async def researcher(self, info: Ctx, id: strawberry.ID) -> Researcher | None:
        found = await _node(info, "RESEARCHER", str(id), look_ahead=True)
        return found  # type: ignore[return-value]

    @strawberry.field(description="A paper by any of its source ids: its id, an OpenAlex id, "
                                  "a DOI or an arXiv id (one paper per work).")
    async def paper(self, info: Ctx, id: strawberry.ID) -> Paper | None:
        found = await _node(info, "PAPER", str(id), look_ahead=True)
        if found is not None:
            return found  # type: ignore[return-value]
        paper_id = await run(papers.paper_id_for, info.context.graph, str(id))
        if paper_id is None:
            return None
        return await _node(info, "PAPER", paper_id, look_ahead=True)  # type: ignore[return-value]

    @strawberry.field
    async def topic(self, info: Ctx, id: strawberry.ID) -> Topic | None:
        found = await _node(info, "TOPIC", str(id), look_ahead=True)
        return found  # type: ignore[return-value]

    @strawberry.field
    async def institution(self, info: Ctx, id: strawberry.ID) -> Institution | None:
        return await _node(info, "INSTITUTION", str(id))  # type: ignore[return-value]

    @strawberry.field(description="Topics of one level with the most works published in or "
                                  "after sinceYear (the window), most first.")
    async def trending_topics(
        self, info: Ctx, since_year: int, first: int = 10, level: str = "topic"
    ) -> list[TrendingTopic]:
        found = await run(topics.trending_topics, info.context.graph, since_year, first, level)
        pairs = await loaded(info.context.loaders.topic.load_many, found, lambda t: t.topic.id)
        return [TrendingTopic(topic=Topic.of(node), works=t.works) for t, node in pairs]

    @strawberry.field(description="A venue (journal, conference, repository) by id.")
    async def source(self, info: Ctx, id: strawberry.ID) -> Source | None:
        return await _node(info, "SOURCE", str(id))  # type: ignore[return-value]

    @strawberry.field(description="Full-text search over papers, researchers, topics and "
                                  "institutions; any input is safe.")
    async def search(
        self, info: Ctx, query: str, types: list[NodeType] | None = None, first: int = 10
    ) -> list[SearchHit]:
        hits = await info.context.read(search.search, query, _type_names(types), first)
        return [SearchHit.of(hit) for hit in hits]

    @strawberry.field(description="Completions of typed-so-far text (last word as a prefix).")
    async def autocomplete(
        self, info: Ctx, prefix: str, types: list[NodeType] | None = None, first: int = 10
    ) -> list[SearchHit]:
        hits = await info.context.read(search.autocomplete, prefix, _type_names(types),
                         first)
        return [SearchHit.of(hit) for hit in hits]

    @strawberry.field(description="Typed nodes and edges around a node, capped per type.")
    async def neighbourhood(
        self, info: Ctx, id: strawberry.ID, depth: int = 1, types: list[NodeType] | None = None,
        limit_per_type: int = 25,
    ) -> Neighbourhood:
        found = await info.context.read(neighbourhood.neighbourhood, str(id), depth,
                          _type_names(types), limit_per_type)
        return Neighbourhood.of(found)

    @strawberry.field(description="The shortest co-authorship path, with the papers that link "
                                  "each step; null when farther apart than maxHops.")
    async def collaboration_path(
        self, info: Ctx, from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID, max_hops: int = 6,
    ) -> CollaborationPath | None:
        path = await info.context.read(coauthorship.collaboration_path, str(from_), str(to),
                         max_hops)
        return CollaborationPath.of(path) if path else None

    @strawberry.field(description="The topics with the most papers (over the graph, or over one "
                                  "researcher's works) and their co-occurrence links.")
    async def topic_map(
        self, info: Ctx, researcher_id: strawberry.ID | None = None, first: int = 40,
    ) -> TopicMap:
        found = await run(kg_topics.topic_map, info.context.graph,
                          str(researcher_id) if researcher_id is not None else None, first)
        return TopicMap.of(found)

    @strawberry.field(description="Papers by upvotes, then citations, then date.")
    async def trending_papers(
        self, info: Ctx, first: int = 20, after: str | None = None,
        since: datetime.date | None = None,
    ) -> PaperConnection:
        page = await info.context.read(papers.trending_papers, first, after,
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


def build_schema(settings: Settings, execution_context_class: type = PlainExecutionContext
                 ) -> strawberry.Schema:
    """`execution_context_class`: graphql-core's general path for every field with strawberry's
    `StrawberryGraphQLCoreExecutionContext` (tests compare the two)."""
    return KgSchema(
        query=Query, mutation=Mutation,
        types=[Paper, Researcher, Topic, Institution, Source, NodeType],
        extensions=[partial(ParsedDocuments, Lru(DOCUMENTS, cache.DOCUMENT_CACHE_CHARS)),
                    *limit_extensions(settings),
                    partial(ShownFields, Lru(DOCUMENTS, cache.DOCUMENT_CACHE_CHARS)),
                    OperationTelemetry],
        execution_context_class=execution_context_class,
    )
