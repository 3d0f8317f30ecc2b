"""Topic services: adjacency (co-occurrence with NPMI), the hierarchy, researchers' topic
profiles, top papers and researchers of a topic, trending topics.

Adjacency weight: the normalised pointwise mutual information of two topics over the papers
that carry at least one topic (N),

    NPMI(t, u) = ln(n_tu * N / (n_t * n_u)) / -ln(n_tu / N)        (1 when n_tu = N)

with n_tu = CO_OCCURS.papers and n_t, n_u the papers of each topic (HAS_TOPIC degree). It lies
in (-1, 1]: 0 when the topics meet as often as independence predicts, 1 when they always meet.
N and the paper counts are stored by the read model (kg/ingest/readmodel.py) and kept exact by
every write; NPMI itself is computed at query time from them. Adjacent topics are ordered
by co-occurrences, then NPMI, then id, and paged with an opaque keyset cursor.

"Works under a topic" (profiles, top papers, top researchers, trending) counts a paper for a
topic of any level when one of its topics is that topic or lies below it along SUBTOPIC_OF.

Top papers are read from each topic's stored ranking, its first TOP_TOPIC_PAPERS papers kept at
write time (kg/ingest/readmodel.py), so a topic page reads the papers it shows, not the topic's
subtree; only a page longer than the stored ranking (KG_MAX_PAGE_SIZE raised above it) counts
them from the subtree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from kg.db.graph import Graph, Transaction
from kg.errors import BadInput, NotFound
from kg.nodes import ALL, PaperNode, Shown, TopicNode
from kg.paging import Page, check_first, decode_cursor, encode_cursor, page_of, pages_of_owners
from kg.vocabulary import TOPIC_LEVELS as LEVELS

# Each Topic stores its first TOP_TOPIC_PAPERS papers by citations, year, id (the default largest
# page: a topic page never reads past it unless KG_MAX_PAGE_SIZE is raised).
TOP_TOPIC_PAPERS = 100


@dataclass(frozen=True)
class Topic:
    id: str
    name: str | None
    level: str | None


@dataclass(frozen=True)
class AdjacentTopic:
    topic: Topic
    cooccurrences: int
    weight: float  # NPMI
    node: TopicNode | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TopicShare:
    topic: Topic
    works: int
    share: float  # works under the topic / all works of the researcher


@dataclass(frozen=True)
class TopPaper:
    id: str
    title: str | None
    year: int | None
    citations: int
    node: PaperNode | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TopResearcher:
    id: str
    name: str | None
    works: int
    citations: int


@dataclass(frozen=True)
class TrendingTopic:
    topic: Topic
    works: int


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise BadInput(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def _top_paper(row: dict[str, Any]) -> TopPaper:
    node = row.get("node")
    return TopPaper(row["id"], row["title"], row["year"], row["citations"],
                    PaperNode.of_row(node) if node else None)


def _topic(row: dict[str, Any]) -> Topic:
    return Topic(id=row["id"], name=row["name"], level=row["level"])


def _decode_cursor(cursor: str) -> dict[str, Any]:
    papers, npmi, topic_id = decode_cursor(cursor, (int, (int, float), str)) or ()
    return {"papers": papers, "npmi": float(npmi), "id": topic_id}


def topic(graph: Graph, topic_id: str) -> Topic:
    """The topic with this id; NotFound otherwise."""
    found = topics_by_id(graph, [topic_id])
    if topic_id not in found:
        raise NotFound(f"no topic with id {topic_id!r}")
    return found[topic_id]


def topics_by_id(graph: Graph, topic_ids: Sequence[str]) -> dict[str, Topic]:
    """The topics with these ids; ids not in the graph are absent from the result."""
    rows = graph.read("topics/by_id", topic_ids=list(topic_ids))
    return {row["id"]: _topic(row) for row in rows}


def adjacent_topics(graph: Graph, topic_id: str, first: int = 10,
                    after: str | None = None) -> Page[AdjacentTopic]:
    """Topics that share papers with `topic_id`: most co-occurrences first, then NPMI, then id."""
    check_first(first, graph.settings.max_page_size)
    after_key = _decode_cursor(after) if after is not None else None

    rows = graph.read("topics/adjacent", topic_id=topic_id, after=after_key, first=first + 1)
    if not rows:
        raise NotFound(f"no topic with id {topic_id!r}")
    neighbours = [AdjacentTopic(topic=_topic(n), cooccurrences=n["papers"], weight=n["npmi"])
                  for n in rows[0]["neighbours"]]
    return page_of(neighbours, first, rows[0]["total"], _adjacent_cursor)


def _adjacent_cursor(adjacent: AdjacentTopic) -> str:
    return encode_cursor([adjacent.cooccurrences, adjacent.weight, adjacent.topic.id])


def topic_ancestors(graph: Graph, topic_id: str) -> list[Topic]:
    """The ancestors of a topic, nearest first (subfield, field, domain)."""
    found = topic_ancestors_for(graph, [topic_id])
    if topic_id not in found:
        raise NotFound(f"no topic with id {topic_id!r}")
    return found[topic_id]


def topic_ancestors_for(graph: Graph, topic_ids: Sequence[str]) -> dict[str, list[Topic]]:
    """Ancestors of each topic, nearest first; ids not in the graph are absent."""
    rows = graph.read("topics/ancestors", topic_ids=list(topic_ids))
    return {row["id"]: [_topic(a) for a in row["ancestors"]] for row in rows}


def topic_children(graph: Graph, topic_id: str) -> list[Topic]:
    """The topics directly under a topic, by name."""
    rows = graph.read("topics/children", topic_id=topic_id)
    if not rows:
        raise NotFound(f"no topic with id {topic_id!r}")
    return [_topic(c) for c in rows[0]["children"]]


def topic_profile(graph: Graph, researcher_id: str, level: str = "topic",
                  first: int = 10) -> list[TopicShare]:
    """The share of a researcher's works under each topic of `level`, largest first."""
    found = topic_profiles_for(graph, [researcher_id], level, first)
    if researcher_id not in found:
        raise NotFound(f"no researcher with id {researcher_id!r}")
    return found[researcher_id]


def topic_profiles_for(graph: Graph, researcher_ids: Sequence[str], level: str = "topic",
                       first: int = 10) -> dict[str, list[TopicShare]]:
    """`topic_profile` of many researchers in one query; ids not in the graph are absent."""
    check_first(first, graph.settings.max_page_size)
    _check_level(level)
    rows = graph.read("topics/profiles", researcher_ids=list(researcher_ids), level=level,
                      first=first)
    return {
        row["id"]: [
            TopicShare(topic=_topic(t), works=t["works"], share=t["works"] / row["works"])
            for t in row["topics"]
        ]
        for row in rows
    }


def top_papers(graph: Graph, topic_id: str, first: int = 10) -> list[TopPaper]:
    """The most cited papers on a topic or below it."""
    found = top_papers_for(graph, [topic_id], first)
    if topic_id not in found:
        raise NotFound(f"no topic with id {topic_id!r}")
    return found[topic_id]


def top_researchers(graph: Graph, topic_id: str, first: int = 10) -> list[TopResearcher]:
    """The researchers with the most works on a topic or below it, then the most citations."""
    check_first(first, graph.settings.max_page_size)
    rows = graph.read("topics/top_researchers", topic_id=topic_id, first=first)
    if not rows:
        raise NotFound(f"no topic with id {topic_id!r}")
    return [TopResearcher(**r) for r in rows[0]["researchers"]]


def trending_topics(graph: Graph, since_year: int, first: int = 10,
                    level: str = "topic") -> list[TrendingTopic]:
    """Topics of `level` with the most works published in or after `since_year`."""
    check_first(first, graph.settings.max_page_size)
    _check_level(level)
    rows = graph.read("topics/trending", since_year=since_year, level=level, first=first)
    return [TrendingTopic(topic=_topic(row), works=row["works"]) for row in rows]


@dataclass(frozen=True)
class MapTopic:
    id: str
    name: str | None
    papers: int  # over the whole graph, or over the researcher's works
    subfield: str | None
    field: str | None
    domain: str | None


@dataclass(frozen=True)
class MapLink:
    source: str
    target: str
    cooccurrences: int
    weight: float  # NPMI


@dataclass(frozen=True)
class TopicMap:
    topics: tuple[MapTopic, ...]  # most papers first
    links: tuple[MapLink, ...]  # sorted by source, then target


def topic_map(graph: Graph, researcher_id: str | None = None, first: int = 40) -> TopicMap:
    """The topic landscape: the `first` topics (level "topic") with the most papers, over the
    whole graph or over one researcher's works, each with its subfield, field and domain, and the
    co-occurrence links among them (shared papers and NPMI over the graph)."""
    check_first(first, graph.settings.max_page_size)

    def work(tx: Transaction) -> TopicMap | None:
        if researcher_id is None:
            chosen = tx.run("topics/map_of_graph", first=first)
        else:
            rows = tx.run("topics/map_of_researcher", researcher_id=researcher_id, first=first)
            if not rows:
                return None
            chosen = rows[0]["topics"]
        if not chosen:
            return TopicMap(topics=(), links=())
        papers = {row["id"]: row["papers"] for row in chosen}
        details = tx.run("topics/map_details", topic_ids=list(papers))[0]
        found = {t["id"]: t for t in details["topics"]}
        return TopicMap(
            topics=tuple(MapTopic(id=tid, name=found[tid]["name"], papers=papers[tid],
                                  subfield=found[tid]["subfield"], field=found[tid]["field"],
                                  domain=found[tid]["domain"]) for tid in papers),
            links=tuple(sorted((MapLink(source=link["source"], target=link["target"],
                                        cooccurrences=link["papers"], weight=link["npmi"])
                                for link in details["links"]),
                               key=lambda link: (link.source, link.target))),
        )

    found_map = graph.read_transaction(work)
    if found_map is None:
        raise NotFound(f"no researcher with id {researcher_id!r}")
    return found_map


class TopicMembers(Enum):
    """What to page through of a topic (works on it or under it), with the query."""
    PAPERS = "topics/papers_of_topics"  # most cited first
    RESEARCHERS = "topics/researchers_of_topics"  # most works on the topic first


@dataclass(frozen=True)
class TopicMember:
    id: str
    key: int  # the paper's citations, or the researcher's works on the topic


def members_of(graph: Graph, topic_ids: list[str], first: int, after: str | None = None,
               members: TopicMembers = TopicMembers.PAPERS) -> dict[str, Page[TopicMember]]:
    """The papers (or researchers) of each topic, one page each."""
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (int, str))
    rows = graph.read(members.value, topic_ids=topic_ids, after_key=after_key, limit=first + 1)
    member = "paper_id" if members is TopicMembers.PAPERS else "researcher_id"
    return pages_of_owners(rows, topic_ids, first, member,
                           lambda row: TopicMember(id=row[member], key=row["sort_key"]))


def topic_children_for(graph: Graph, topic_ids: list[str]) -> dict[str, list[Topic]]:
    """`topic_children` of many topics in one query; ids not in the graph are absent."""
    return {row["of_id"]: [_topic(c) for c in row["children"]]
            for row in graph.read("topics/children_of_topics", topic_ids=topic_ids)}


def top_papers_for(graph: Graph, topic_ids: list[str], first: int = 10, shown: Shown = ALL
                   ) -> dict[str, list[TopPaper]]:
    """`top_papers` of many topics in one query; ids not in the graph are absent."""
    check_first(first, graph.settings.max_page_size)
    query = ("topics/top_papers_of_topics" if first <= TOP_TOPIC_PAPERS
             else "topics/top_papers_counted")
    return {row["of_id"]: [_top_paper(p) for p in row["papers"]]
            for row in graph.read(query, topic_ids=topic_ids, first=first,
                                  shown=shown.parameter)}


def top_researchers_for(graph: Graph, topic_ids: list[str], first: int = 10
                        ) -> dict[str, list[TopResearcher]]:
    """`top_researchers` of many topics in one query; ids not in the graph are absent."""
    check_first(first, graph.settings.max_page_size)
    return {row["of_id"]: [TopResearcher(**r) for r in row["researchers"]]
            for row in graph.read("topics/top_researchers_of_topics", topic_ids=topic_ids,
                                  first=first)}


def adjacent_topics_for(graph: Graph, topic_ids: list[str], first: int = 10,
                        after: str | None = None, shown: Shown = ALL, with_owner: bool = False,
                        top_papers: int = 0) -> dict[str, Page[AdjacentTopic]]:
    """`adjacent_topics` of many topics in one query; ids not in the graph are absent.
    `with_owner`: each page's `owner` is its topic's node (a 1-tuple); with `top_papers` (1 to
    TOP_TOPIC_PAPERS) as well, (the node, the topic's `top_papers` list of that length)."""
    check_first(first, graph.settings.max_page_size)
    after_key = _decode_cursor(after) if after is not None else None
    found = {}
    for row in graph.read("topics/adjacent_of_topics", topic_ids=topic_ids, after=after_key,
                          first=first + 1, owner=with_owner, top_papers=top_papers,
                          shown=shown.parameter):
        neighbours = [AdjacentTopic(topic=_topic(n), cooccurrences=n["papers"], weight=n["npmi"],
                                    node=TopicNode.of_row(n["node"]))
                      for n in row["neighbours"]]
        page = page_of(neighbours, first, row["total"], _adjacent_cursor)
        if row["owner"] is not None:
            owner = TopicNode.of_row(row["owner"])
            page = replace(page, owner=(owner,) if row["top_papers"] is None else (
                owner, [_top_paper(p) for p in row["top_papers"]]))
        found[row["of_id"]] = page
    return found
