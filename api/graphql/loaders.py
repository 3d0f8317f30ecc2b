"""The DataLoaders of one request: every nested fetch goes through one, so a list of N items
costs one query per level, not N."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from strawberry.dataloader import DataLoader

from kg import accounts, coauthorship, institutions, metrics, nodes, papers, sources, topics, trust
from kg.db.graph import Graph

V = TypeVar("V")
BatchFn = Callable[[Graph, list[str]], dict[str, Any]]


def by_id(graph: Graph, fetch: BatchFn) -> DataLoader[str, Any]:
    """A loader of `fetch(graph, ids) -> {id: value}`; a missing id loads as None."""

    async def load(ids: Sequence[str]) -> list[Any]:
        found = await run_in_threadpool(fetch, graph, list(ids))
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


def by_id_and_options(
    graph: Graph, fetch: Callable[..., dict[str, Any]]
) -> DataLoader[tuple[Hashable, ...], Any]:
    """A loader keyed by (id, *options): ids that share options are fetched in one call of
    `fetch(graph, ids, *options)`."""

    async def load(keys: Sequence[tuple[Hashable, ...]]) -> list[Any]:
        groups: dict[tuple[Hashable, ...], list[str]] = {}
        for key in keys:
            groups.setdefault(key[1:], []).append(key[0])  # type: ignore[arg-type]
        found: dict[tuple[Hashable, ...], Any] = {}
        for options, ids in groups.items():
            values = await run_in_threadpool(fetch, graph, ids, *options)
            found.update({(i, *options): values.get(i) for i in ids})
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)


class Loaders:
    def __init__(self, graph: Graph) -> None:
        self.paper = by_id(graph, nodes.papers_by_ids)
        self.researcher = by_id(graph, nodes.researchers_by_ids)
        self.topic = by_id(graph, nodes.topics_by_ids)
        self.institution = by_id(graph, nodes.institutions_by_ids)
        self.source = by_id(graph, nodes.sources_by_ids)
        self.node_type = by_id(graph, nodes.node_types)
        self.authors_of_paper = by_id(graph, papers.authors_of)
        self.topics_of_paper = by_id(graph, papers.topics_of)
        self.institutions_of_researcher = by_id(graph, institutions.institutions_of)
        self.members_of_institution = by_id_and_options(graph, institutions.members_of)
        self.topic_profile_of_institution = by_id_and_options(graph,
                                                              institutions.topic_profiles_of)
        self.children_of_institution = by_id(graph, institutions.children_of)
        self.papers_of_source = by_id_and_options(graph, sources.papers_of)
        self.top_researchers_of_source = by_id_and_options(graph, sources.top_researchers_of)
        self.topic_profile_of_source = by_id_and_options(graph, sources.topic_profiles_of)
        self.papers_of_researcher = by_id_and_options(graph, papers.papers_of)
        self.citations_of_paper = by_id_and_options(graph, papers.citations_of)
        self.similar_papers = by_id_and_options(graph, papers.similar_papers)
        self.citations_by_year_of_paper = by_id(graph, papers.citations_by_year_of_papers)
        self.citations_by_year_of_researcher = by_id(graph,
                                                     papers.citations_by_year_of_researchers)
        self.metrics = by_id(graph, metrics.metrics_for)
        self.coauthors = by_id_and_options(graph, coauthorship.coauthors_for)
        self.close_collaborators = by_id(graph, coauthorship.close_collaborators_for)
        self.suggested_collaborators = by_id_and_options(graph, suggested_collaborators)
        self.topic_profile = by_id_and_options(graph, topics.topic_profiles_for)
        self.topic_ancestors = by_id(graph, topics.topic_ancestors_for)
        self.members_of_topic = by_id_and_options(graph, topics.members_of)
        self.listings = by_id_and_options(graph, accounts.listings_of)
        self.claims_of_user = by_id(graph, accounts.claims_of)
        self.invitations_of_user = by_id(graph, accounts.invitations_of)
        self.topic_children = by_id(graph, topics.topic_children_for)
        self.adjacent_topics = by_id_and_options(graph, topics.adjacent_topics_for)
        self.top_papers_of_topic = by_id_and_options(graph, topics.top_papers_for)
        self.top_researchers_of_topic = by_id_and_options(graph, topics.top_researchers_for)
        self.trust = by_id(graph, trust_by_id)
        self.trust_explanation = by_id_and_options(graph, trust_explanations)


def suggested_collaborators(graph: Graph, ids: list[str], first: int) -> dict[str, Any]:
    """Suggestions have no batched query (each walks two hops of its own researcher)."""
    return {rid: coauthorship.suggested_collaborators(graph, rid, first) for rid in ids}


def trust_by_id(graph: Graph, ids: list[str]) -> dict[str, Any]:
    return {t.researcher_id: t for t in trust.trust_for(graph, ids) if t is not None}


def trust_explanations(graph: Graph, ids: list[str], top: int) -> dict[str, Any]:
    """Explanations have no batched query (each reads its own researcher's inflow)."""
    return {rid: trust.trust_explanation(graph, rid, top) for rid in ids}
