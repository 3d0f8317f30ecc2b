"""Co-authorship services over the derived COAUTHOR edges.

Rules (also in docs/services.md):

* Co-authors are ordered by shared works (descending), then the year of the last shared work
  (descending; unknown years sort last), then id. Pages are keyset-paged: a cursor is the
  URL-safe base64 of the JSON object `{"works": ..., "recency": ..., "id": ...}`, the sort key of
  the last co-author of the previous page (`recency` is the last year, -1 when unknown).
* A close collaborator shares at least `CLOSE_COLLABORATOR_MIN_WORKS` (2) works.
* Suggested collaborators are co-authors of co-authors who share level-`topic` topics with the
  researcher and never wrote a paper with them, ranked by `bridge * overlap`: `bridge` sums, over
  the intermediate co-authors, the smaller of the two shared-work counts of the link through them;
  `overlap` is the Jaccard index of the two researchers' topic sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kg.db.graph import Graph, Row, Transaction
from kg.errors import BadInput, NotFound
from kg.metrics import node_with_metrics
from kg.nodes import ALL, ResearcherNode, Shown
from kg.paging import Page, check_first, decode_cursor, encode_cursor, page_of

CLOSE_COLLABORATOR_MIN_WORKS = 2
# Each Researcher stores its first TOP_COAUTHORS co-authors by shared works (descending), then id
# (`top_coauthors`, `top_coauthor_works`): the neighbourhood's ranking of a hub, kept at write time
# (kg/ingest/derive.py moves it, readmodel.py and bulk_csv.py count it). At least the
# neighbourhood's MAX_LIMIT_PER_TYPE.
TOP_COAUTHORS = 100
# Suggested collaborators score only this many candidates (or the page size, if larger), those
# with the strongest bridges (queries/coauthorship/suggested_collaborators_of_researchers.cypher).
SUGGESTION_POOL = 50
MAX_PATH_HOPS = 10


@dataclass(frozen=True)
class Coauthor:
    id: str
    name: str | None
    shared_works: int
    first_year: int | None
    last_year: int | None
    # the co-author's node, when the query read it too (a page of co-authors does)
    node: ResearcherNode | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ResearcherRef:
    id: str
    name: str | None


@dataclass(frozen=True)
class PaperRef:
    id: str
    title: str | None
    year: int | None


@dataclass(frozen=True)
class PathStep:
    from_id: str
    to_id: str
    papers: tuple[PaperRef, ...]


@dataclass(frozen=True)
class CollaborationPath:
    length: int
    researchers: tuple[ResearcherRef, ...]
    steps: tuple[PathStep, ...]


@dataclass(frozen=True)
class TopicRef:
    id: str
    name: str | None


@dataclass(frozen=True)
class Intermediary:
    """A co-author through whom a suggestion is reached; `strength` is the weaker link's works."""

    id: str
    name: str | None
    strength: int


@dataclass(frozen=True)
class Suggestion:
    id: str
    name: str | None
    score: float
    bridge: int
    topic_overlap: float
    via: tuple[Intermediary, ...]
    shared_topics: tuple[TopicRef, ...]


def coauthor_cursor(coauthor: Coauthor) -> str:
    """The opaque cursor that resumes a listing after this co-author."""
    return encode_cursor([coauthor.shared_works, _recency(coauthor.last_year), coauthor.id])


def coauthors_of(
    graph: Graph, researcher_id: str, first: int = 25, after: str | None = None
) -> Page[Coauthor]:
    """One page of a researcher's co-authors; `after` is a cursor from a previous page."""
    check_first(first, graph.settings.max_page_size)
    request = {"researcher_id": researcher_id, "after": _decode_cursor(after)}
    rows = graph.read("coauthorship/coauthor_pages", requests=[request], limit=first + 1,
                      owner=False, shown=ALL.parameter)
    if not rows:
        raise NotFound(f"no researcher with id {researcher_id!r}")
    return _page(rows[0], first)


def coauthors_for(
    graph: Graph, researcher_ids: list[str], first: int = 25, after: str | None = None,
    shown: Shown = ALL, with_owner: bool = False,
) -> dict[str, Page[Coauthor]]:
    """A page of co-authors of each researcher, after the same cursor (for DataLoaders); unknown
    ids are absent. `with_owner`: each page's `owner` is its researcher's node and figures, as
    `metrics.researchers_with_metrics` reads them."""
    check_first(first, graph.settings.max_page_size)
    after_key = _decode_cursor(after)
    requests = [{"researcher_id": rid, "after": after_key}
                for rid in dict.fromkeys(researcher_ids)]
    rows = graph.read("coauthorship/coauthor_pages", requests=requests, limit=first + 1,
                      owner=with_owner, shown=shown.parameter)
    return {row["researcher_id"]: _page(row, first) for row in rows}


def close_collaborators(graph: Graph, researcher_id: str) -> tuple[Coauthor, ...]:
    """Co-authors with at least `CLOSE_COLLABORATOR_MIN_WORKS` shared works, closest first."""
    found = close_collaborators_for(graph, [researcher_id])
    if researcher_id not in found:
        raise NotFound(f"no researcher with id {researcher_id!r}")
    return found[researcher_id]


def close_collaborators_for(
    graph: Graph, researcher_ids: list[str]
) -> dict[str, tuple[Coauthor, ...]]:
    """`close_collaborators` of many researchers in one query; unknown ids are absent."""
    rows = graph.read("coauthorship/close_collaborators",
                      researcher_ids=list(dict.fromkeys(researcher_ids)),
                      min_shared_works=CLOSE_COLLABORATOR_MIN_WORKS)
    return {row["researcher_id"]: tuple(_coauthor(c) for c in row["collaborators"])
            for row in rows}


def collaboration_path(
    graph: Graph, from_id: str, to_id: str, max_hops: int = 6
) -> CollaborationPath | None:
    """A shortest co-authorship path, each step with the papers both people authored; None when
    the two are unconnected or more than `max_hops` apart."""
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise BadInput(f"max_hops must lie in 1..{MAX_PATH_HOPS}, not {max_hops}")

    def read(tx: Transaction) -> tuple[list[Row], list[Row]]:
        ends = tx.run("coauthorship/researcher_refs", researcher_ids=[from_id, to_id])
        if from_id == to_id or len(ends) < 2:
            return ends, []
        return ends, tx.run("coauthorship/collaboration_path", from_id=from_id, to_id=to_id,
                            max_hops=max_hops)

    ends, rows = graph.read_transaction(read)
    known = {row["id"]: row for row in ends}
    for rid in (from_id, to_id):
        if rid not in known:
            raise NotFound(f"no researcher with id {rid!r}")
    if from_id == to_id:
        return CollaborationPath(0, (ResearcherRef(from_id, known[from_id]["name"]),), ())
    if not rows:
        return None
    row = rows[0]
    steps = tuple(
        PathStep(step["from_id"], step["to_id"], tuple(PaperRef(**p) for p in step["papers"]))
        for step in row["steps"]
    )
    people = tuple(ResearcherRef(**person) for person in row["researchers"])
    return CollaborationPath(len(steps), people, steps)


def suggested_collaborators(
    graph: Graph, researcher_id: str, first: int = 10
) -> tuple[Suggestion, ...]:
    """Co-authors of co-authors who share topics with the researcher and never wrote with them."""
    found = suggested_collaborators_for(graph, [researcher_id], first)
    if researcher_id not in found:
        raise NotFound(f"no researcher with id {researcher_id!r}")
    return found[researcher_id]


def suggested_collaborators_for(
    graph: Graph, researcher_ids: list[str], first: int = 10
) -> dict[str, tuple[Suggestion, ...]]:
    """`suggested_collaborators` of many researchers in one query; unknown ids are absent."""
    check_first(first, graph.settings.max_page_size)
    rows = graph.read("coauthorship/suggested_collaborators_of_researchers",
                      researcher_ids=list(dict.fromkeys(researcher_ids)), limit=first,
                      pool=max(SUGGESTION_POOL, first))
    return {
        row["researcher_id"]: tuple(
            Suggestion(
                id=s["id"], name=s["name"], score=s["score"], bridge=s["bridge"],
                topic_overlap=s["overlap"],
                via=tuple(Intermediary(**v) for v in s["via"]),
                shared_topics=tuple(TopicRef(**t) for t in s["shared_topics"]),
            )
            for s in row["suggestions"]
        )
        for row in rows
    }


def _recency(last_year: int | None) -> int:
    return -1 if last_year is None else last_year


def _decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    key = decode_cursor(cursor, (int, int, str))
    return None if key is None else {"works": key[0], "recency": key[1], "id": key[2]}


def _coauthor(row: Row) -> Coauthor:
    node = row.get("node")
    return Coauthor(row["id"], row["name"], row["shared_works"], row["first_year"],
                    row["last_year"], ResearcherNode.of_row(node) if node else None)


def _page(row: Row, first: int) -> Page[Coauthor]:
    page = page_of([_coauthor(c) for c in row["coauthors"]], first, row["total_count"],
                   coauthor_cursor)
    if row["owner"] is None:
        return page
    return replace(page, owner=node_with_metrics(row["owner"]))
