"""Institutions of researchers (from the derived AFFILIATED_WITH edges), and an institution's
researchers (most works there first), papers (an authorship names the institution; most cited
first), partner institutions (the derived PARTNER edges: papers whose authorships name both,
most first), topic profile and child institutions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kg.db.graph import Graph
from kg.errors import BadInput
from kg.paging import Page, check_first, decode_cursor, pages_of_owners
from kg.topics import Topic, TopicShare
from kg.vocabulary import TOPIC_LEVELS as LEVELS


class Members(Enum):
    """What to page through of an institution, with the query."""
    RESEARCHERS = "institutions/researchers_of_institutions"  # most works there first
    PAPERS = "institutions/papers_of_institutions"  # most cited first
    PARTNERS = "institutions/partners_of_institutions"  # most co-authored works first


@dataclass(frozen=True)
class Member:
    id: str
    key: int  # works there (researchers), citations (papers) or works together (partners)


@dataclass(frozen=True)
class Affiliation:
    institution_id: str
    works: int
    first_year: int | None
    last_year: int | None


def institutions_of(graph: Graph, researcher_ids: list[str]) -> dict[str, list[Affiliation]]:
    """Each researcher's institutions, most works first."""
    found: dict[str, list[Affiliation]] = {rid: [] for rid in researcher_ids}
    for row in graph.read("nodes/institutions_of_researchers", researcher_ids=researcher_ids):
        found[row.pop("researcher_id")].append(Affiliation(**row))
    return found


def members_of(
    graph: Graph, institution_ids: list[str], first: int, after: str | None = None,
    members: Members = Members.RESEARCHERS,
) -> dict[str, Page[Member]]:
    """The researchers (or papers, or partner institutions) of each institution, one page each."""
    check_first(first, graph.settings.max_page_size)
    after_key = decode_cursor(after, (int, str))
    rows = graph.read(members.value, institution_ids=institution_ids, after_key=after_key,
                      limit=first + 1)
    member = {Members.RESEARCHERS: "researcher_id", Members.PAPERS: "paper_id",
              Members.PARTNERS: "institution_id"}[members]
    return pages_of_owners(rows, institution_ids, first, member,
                           lambda row: Member(id=row[member], key=row["sort_key"]))


def topic_profiles_of(graph: Graph, institution_ids: list[str], level: str = "topic",
                      first: int = 10) -> dict[str, list[TopicShare]]:
    """Each institution's topics at one level: its papers under each, most first; the share is
    of the institution's papers."""
    check_first(first, graph.settings.max_page_size)
    if level not in LEVELS:
        raise BadInput(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    rows = graph.read("institutions/topic_profiles_of_institutions",
                      institution_ids=institution_ids, level=level, first=first)
    return {
        row["of_id"]: [
            TopicShare(topic=Topic(id=t["id"], name=t["name"], level=t["level"]),
                       works=t["works"], share=t["works"] / row["works"])
            for t in row["topics"]
        ]
        for row in rows
    }


def children_of(graph: Graph, institution_ids: list[str]) -> dict[str, list[str]]:
    """The ids of the institutions that are part of each one."""
    found: dict[str, list[str]] = {iid: [] for iid in institution_ids}
    for row in graph.read("institutions/children_of_institutions",
                          institution_ids=institution_ids):
        found[row["of_id"]].append(row["child_id"])
    return found
