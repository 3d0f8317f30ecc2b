"""Papers: a researcher's papers (paged, newest or most cited first), the authors and topics of
papers, and the trending list (upvotes, then citations, then date)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kg.db.graph import Graph
from kg.paging import Page, check_first, decode_cursor, encode_cursor


class PaperOrder(Enum):
    RECENT = "papers/papers_of_researchers_by_recency"
    CITATIONS = "papers/papers_of_researchers_by_citations"


@dataclass(frozen=True)
class Authorship:
    researcher_id: str
    position: str | None
    is_corresponding: bool


@dataclass(frozen=True)
class PaperTopic:
    topic_id: str
    score: float | None
    primary: bool


def papers_of(
    graph: Graph, researcher_ids: list[str], first: int, after: str | None = None,
    order: PaperOrder = PaperOrder.RECENT,
) -> dict[str, Page[str]]:
    """Paper ids of each researcher, one page each (a cursor applies to every researcher)."""
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (int, str))
    rows = graph.read(order.value, researcher_ids=researcher_ids, after_key=after_key,
                      limit=first + 1)
    grouped: dict[str, list[dict]] = {rid: [] for rid in researcher_ids}
    totals: dict[str, int] = {rid: 0 for rid in researcher_ids}
    for row in rows:
        grouped[row["researcher_id"]].append(row)
        totals[row["researcher_id"]] = row["total"]
    pages = {}
    for rid, items in grouped.items():
        kept = items[:first]
        pages[rid] = Page(
            items=[row["paper_id"] for row in kept],
            cursors=[encode_cursor([row["sort_key"], row["paper_id"]]) for row in kept],
            total_count=totals[rid],
            has_next_page=len(items) > first,
        )
    return pages


def authors_of(graph: Graph, paper_ids: list[str]) -> dict[str, list[Authorship]]:
    found: dict[str, list[Authorship]] = {pid: [] for pid in paper_ids}
    for row in graph.read("papers/authors_of_papers", paper_ids=paper_ids):
        found[row.pop("paper_id")].append(Authorship(**row))
    return found


def topics_of(graph: Graph, paper_ids: list[str]) -> dict[str, list[PaperTopic]]:
    found: dict[str, list[PaperTopic]] = {pid: [] for pid in paper_ids}
    for row in graph.read("papers/topics_of_papers", paper_ids=paper_ids):
        found[row.pop("paper_id")].append(PaperTopic(**row))
    return found


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
