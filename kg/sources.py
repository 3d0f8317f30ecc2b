"""Sources (venues: journals, conferences, repositories): their papers (paged, most cited first),
the researchers with most papers in them, and their topic profile."""

from __future__ import annotations

from dataclasses import dataclass

from kg.db.graph import Graph
from kg.errors import BadInput
from kg.paging import Page, check_first, decode_cursor, pages_of_owners
from kg.topics import Topic, TopicShare
from kg.vocabulary import TOPIC_LEVELS as LEVELS


@dataclass(frozen=True)
class SourceResearcher:
    id: str
    works: int  # their papers in the source
    citations: int  # of those papers


def papers_of(graph: Graph, source_ids: list[str], first: int, after: str | None = None
              ) -> dict[str, Page[str]]:
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (int, str))
    rows = graph.read("sources/papers_of_sources", source_ids=source_ids, after_key=after_key,
                      limit=first + 1)
    return pages_of_owners(rows, source_ids, first, "paper_id", lambda row: row["paper_id"])


def top_researchers_of(graph: Graph, source_ids: list[str], first: int = 10
                       ) -> dict[str, list[SourceResearcher]]:
    check_first(first, graph.settings.max_page_size)
    found: dict[str, list[SourceResearcher]] = {sid: [] for sid in source_ids}
    for row in graph.read("sources/top_researchers_of_sources", source_ids=source_ids,
                          first=first):
        found[row["of_id"]].append(SourceResearcher(id=row["researcher_id"], works=row["works"],
                                                    citations=row["citations"]))
    return found


def topic_profiles_of(graph: Graph, source_ids: list[str], level: str = "topic",
                      first: int = 10) -> dict[str, list[TopicShare]]:
    """Each source's topics at one level; the share is of the source's papers."""
    check_first(first, graph.settings.max_page_size)
    if level not in LEVELS:
        raise BadInput(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    rows = graph.read("sources/topic_profiles_of_sources", source_ids=source_ids, level=level,
                      first=first)
    return {
        row["of_id"]: [
            TopicShare(topic=Topic(id=t["id"], name=t["name"], level=t["level"]),
                       works=t["works"], share=t["works"] / row["works"])
            for t in row["topics"]
        ]
        for row in rows
    }
