"""Papers: a researcher's papers (paged, newest or most cited first), the authors and topics of
papers, the trending list (upvotes, then citations, then date), and citations: the references
and citing papers of a paper (paged) and citations per year, in the graph and as reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from kg.db.graph import Graph
from kg.ingest import source_ids
from kg.nodes import ALL, PaperNode, ResearcherNode, Shown, TopicNode
from kg.paging import Page, check_first, decode_cursor, encode_cursor, pages_of_owners


class PaperOrder(Enum):
    """A page's order, as the `$order` of papers/papers_of_researchers."""
    RECENT = "recency"
    CITATIONS = "citations"


class CitationDirection(Enum):
    """Which side of the CITES edges to page through, with the query and its cursor's shape."""
    REFERENCES = "papers/references_of_papers"  # most cited first
    CITED_BY = "papers/cited_by_papers"  # newest first

    @property
    def key_type(self) -> type:
        return int if self is CitationDirection.REFERENCES else str


@dataclass(frozen=True)
class CitationYear:
    year: int
    in_graph: int
    reported: int | None  # None: the source reported no count for this year


@dataclass(frozen=True)
class Authorship:
    researcher_id: str
    position: str | None
    is_corresponding: bool
    node: ResearcherNode | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class PaperTopic:
    topic_id: str
    score: float | None
    primary: bool
    node: TopicNode | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class PaperPage(Page[str]):
    """A page of papers whose query read each paper's authors and topics too ({paper id: ...},
    every paper of the page present)."""

    authors: dict[str, list[Authorship]] = field(default_factory=dict, compare=False,
                                                 repr=False)
    topics: dict[str, list[PaperTopic]] = field(default_factory=dict, compare=False,
                                                repr=False)


def papers_of(
    graph: Graph, researcher_ids: list[str], first: int, after: str | None = None,
    order: PaperOrder = PaperOrder.RECENT, with_authors_and_topics: bool = False,
    shown: Shown = ALL, with_owner: bool = False,
) -> dict[str, Page[str]]:
    """Paper ids of each researcher, one page each (a cursor applies to every researcher), with
    the papers' nodes (`Page.nodes`); `with_authors_and_topics`: `PaperPage`s, whose papers'
    authors and topics the same query read. `with_owner`: a page that holds papers carries its
    researcher's node (`Page.owner`, a 1-tuple); an empty page does not."""
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (int, str))
    params = {"researcher_ids": researcher_ids, "order": order.value, "after_key": after_key,
              "limit": first + 1, "owner": with_owner, "shown": shown.parameter}
    if with_authors_and_topics:
        return _pages_with_authors_and_topics(
            graph.read("papers/papers_with_authors_and_topics_of_researchers", **params),
            researcher_ids, first, with_owner)
    rows = graph.read("papers/papers_of_researchers", **params)
    grouped: dict[str, list[dict]] = {rid: [] for rid in researcher_ids}
    totals: dict[str, int] = {rid: 0 for rid in researcher_ids}
    for row in rows:
        grouped[row["researcher_id"]].append(row)
        totals[row["researcher_id"]] = row["total"]
    pages: dict[str, Page[str]] = {}
    for rid, items in grouped.items():
        kept = items[:first]
        pages[rid] = Page(
            items=[row["paper_id"] for row in kept],
            cursors=[encode_cursor([row["sort_key"], row["paper_id"]]) for row in kept],
            total_count=totals[rid],
            has_next_page=len(items) > first,
            nodes={row["paper_id"]: PaperNode.of_row(row["node"]) for row in kept},
            owner=(ResearcherNode.of_row(items[0]["owner"]),) if with_owner and items else None,
        )
    return pages


def _pages_with_authors_and_topics(rows: list[dict], researcher_ids: list[str], first: int,
                                   with_owner: bool) -> dict[str, Page[str]]:
    """The pages of papers/papers_with_authors_and_topics_of_researchers' rows: one a
    researcher whose page holds papers, each paper [paper_id, sort_key, node, authors,
    topics]."""
    found = {row["researcher_id"]: row for row in rows}
    pages: dict[str, Page[str]] = {}
    for rid in researcher_ids:
        row = found.get(rid)
        papers = row["papers"] if row else []
        kept = papers[:first]
        pages[rid] = PaperPage(
            items=[paper[0] for paper in kept],
            cursors=[encode_cursor([paper[1], paper[0]]) for paper in kept],
            total_count=row["total"] if row else 0,
            has_next_page=len(papers) > first,
            nodes={paper[0]: PaperNode.of_row(paper[2]) for paper in kept},
            owner=(ResearcherNode.of_row(row["owner"]),) if with_owner and row else None,
            authors={paper[0]: _authorships(paper[3]) for paper in kept},
            topics={paper[0]: _paper_topics(paper[4]) for paper in kept},
        )
    return pages


def _authorships(rows: list[list]) -> list[Authorship]:
    """[position, is_corresponding, the researcher's fields...] of each author."""
    return [Authorship(a[2], a[0], a[1], ResearcherNode.of_values(a[2:])) for a in rows]


def _paper_topics(rows: list[list]) -> list[PaperTopic]:
    """[score, primary, the topic's fields...] of each topic."""
    return [PaperTopic(t[2], t[0], t[1], TopicNode.of_values(t[2:])) for t in rows]


def authors_of(graph: Graph, paper_ids: list[str], shown: Shown = ALL
               ) -> dict[str, list[Authorship]]:
    found: dict[str, list[Authorship]] = {pid: [] for pid in paper_ids}
    for row in graph.read("papers/authors_of_papers", paper_ids=paper_ids,
                          shown=shown.parameter):
        node = ResearcherNode.of_row(row.pop("node"))
        found[row.pop("paper_id")].append(Authorship(**row, node=node))
    return found


def topics_of(graph: Graph, paper_ids: list[str], shown: Shown = ALL
              ) -> dict[str, list[PaperTopic]]:
    found: dict[str, list[PaperTopic]] = {pid: [] for pid in paper_ids}
    for row in graph.read("papers/topics_of_papers", paper_ids=paper_ids,
                          shown=shown.parameter):
        node = TopicNode.of_row(row.pop("node"))
        found[row.pop("paper_id")].append(PaperTopic(**row, node=node))
    return found


def authors_and_topics_of(graph: Graph, paper_ids: list[str], shown: Shown = ALL
                          ) -> tuple[dict[str, list[Authorship]], dict[str, list[PaperTopic]]]:
    """`authors_of` and `topics_of` these papers in one query."""
    authors: dict[str, list[Authorship]] = {pid: [] for pid in paper_ids}
    assigned: dict[str, list[PaperTopic]] = {pid: [] for pid in paper_ids}
    for row in graph.read("papers/authors_and_topics_of_papers", paper_ids=paper_ids,
                          shown=shown.parameter):
        authors[row["paper_id"]] = _authorships(row["authors"])
        assigned[row["paper_id"]] = _paper_topics(row["topics"])
    return authors, assigned


def trending_papers(
    graph: Graph, first: int, after: str | None = None, since: str | None = None
) -> Page[str]:
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (int, int, str, str))
    rows = graph.read("papers/trending_papers", since=since, after_key=after_key, limit=first + 1)
    kept = rows[:first]
    return Page(
        items=[row["paper_id"] for row in kept],
        cursors=[encode_cursor([r["upvotes"], r["citations"], r["date"], r["paper_id"]])
                 for r in kept],
        total_count=rows[0]["total"] if rows else graph.read("papers/count_papers_since",
                                                             since=since)[0]["total"],
        has_next_page=len(rows) > first,
    )


def citations_of(
    graph: Graph, paper_ids: list[str], first: int, after: str | None = None,
    direction: CitationDirection = CitationDirection.REFERENCES,
) -> dict[str, Page[str]]:
    """The references (or citing papers) of each paper, one page each."""
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (direction.key_type, str))
    rows = graph.read(direction.value, paper_ids=paper_ids, after_key=after_key, limit=first + 1)
    return pages_of_owners(rows, paper_ids, first, "paper_id", lambda row: row["paper_id"])


def _by_year(in_graph: list[list[int]], reported: dict[int, int]) -> list[CitationYear]:
    linked = dict((year, count) for year, count in in_graph)
    return [CitationYear(year=year, in_graph=linked.get(year, 0), reported=reported.get(year))
            for year in sorted(linked.keys() | reported.keys())]


def _reported(years: list[int] | None, counts: list[int] | None) -> dict[int, int]:
    return dict(zip(years or [], counts or [], strict=True))


def citations_by_year_of_papers(graph: Graph, paper_ids: list[str]
                                ) -> dict[str, list[CitationYear]]:
    return {
        row["of_id"]: _by_year(row["in_graph"], _reported(row["reported_years"],
                                                          row["reported_counts"]))
        for row in graph.read("papers/citations_by_year_of_papers", paper_ids=paper_ids)
    }


def citations_by_year_of_researchers(graph: Graph, researcher_ids: list[str]
                                     ) -> dict[str, list[CitationYear]]:
    found = {}
    for row in graph.read("papers/citations_by_year_of_researchers",
                          researcher_ids=researcher_ids):
        reported: dict[int, int] = {}
        for years, counts in row["reported"]:
            for year, count in _reported(years, counts).items():
                reported[year] = reported.get(year, 0) + count
        found[row["of_id"]] = _by_year(row["in_graph"], reported)
    return found


@dataclass(frozen=True)
class SimilarPaper:
    id: str
    score: int  # 2 * co_cited + 2 * shared_references + shared_topics
    co_cited: int  # papers in the graph citing both
    shared_references: int  # papers both cite
    shared_topics: int  # level-`topic` topics both carry

    @property
    def reasons(self) -> list[str]:
        found = []
        if self.co_cited:
            found.append(f"cited together by {self.co_cited} "
                         f"paper{'s' if self.co_cited > 1 else ''}")
        if self.shared_references:
            found.append(f"share {self.shared_references} "
                         f"reference{'s' if self.shared_references > 1 else ''}")
        if self.shared_topics:
            found.append(f"same {self.shared_topics} "
                         f"topic{'s' if self.shared_topics > 1 else ''}")
        return found


def similar_papers(graph: Graph, paper_ids: list[str], first: int = 10
                   ) -> dict[str, list[SimilarPaper]]:
    """The papers most like each paper: co-citation, bibliographic coupling, shared topics."""
    check_first(first, graph.settings.max_page_size)
    return {row["of_id"]: [SimilarPaper(**s) for s in row["similar"]]
            for row in graph.read("papers/similar_papers", paper_ids=paper_ids, first=first)}


def paper_id_for(graph: Graph, source_id: str) -> str | None:
    """The id of the Paper that a source id names: its own id, a DOI (any case, with or without
    https://doi.org/) or an arXiv id (bare, `arxiv:`, an arxiv.org URL or arXiv's DOI); None
    when none does. Several OpenAlex works may list one DOI or arXiv id: the one that merged
    the arXiv record, else the lowest-numbered, answers (identity.py)."""
    rows = graph.read("papers/paper_by_source_id", id=source_id.strip(),
                      **source_ids.lookup_of(source_id))
    return rows[0]["id"] if rows else None
