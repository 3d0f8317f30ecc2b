"""One paper per work: the identity step that runs before the writer, in the same transaction.

The rule (docs/formats.md, "One paper per work"):

* A work's keys are its source ids: the OpenAlex id, every DOI (lower case, no URL prefix) and
  every arXiv id (without version). OpenAlex lists arXiv ids in its DOI (arXiv's own DOI
  10.48550/arXiv.<id>) and in the arxiv.org URLs of its locations; an arXiv record has its id,
  its arXiv DOI and the journal DOI it names.
* An arXiv record and an OpenAlex work that share a key are one Paper. OpenAlex works are never
  merged with one another (two OpenAlex ids are two works for OpenAlex); when several claim the
  record, the lowest-numbered one takes it.
* The merged Paper's `id` is the OpenAlex id. title, doi, abstract, year, date and type are
  OpenAlex's where it has them, else arXiv's; `categories`, `published` and `arxiv_id` are
  arXiv's; `ids` holds every key of both, `sources` both formats. Its venue and its authors are
  OpenAlex's: an arXiv author is either the OpenAlex researcher (the same person) or a name
  OpenAlex did not list, and such names are left out rather than counted as extra people.

Both orders give the same graph: when the arXiv record lands first, the OpenAlex work renames
its Paper and writes over it with the merged fields (and name-only researchers or the arXiv
venue left with nothing are deleted); when it lands second, the record adds only what arXiv
owns. Re-ingesting either changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from kg.db.graph import Graph, Transaction
from kg.ingest import derive, novelty, readmodel, serial, writer
from kg.ingest.records import PaperRecord, TopicAssignment, TopicRecord
from kg.ingest.source_ids import ARXIV, ARXIV_DOI_PREFIX, ARXIV_PREFIX, OPENALEX

# The fields a merged paper takes from OpenAlex when it has them, else from arXiv.
SHARED_FIELDS = ("title", "doi", "abstract", "year", "date", "type", "published")


def _number(openalex_id: str) -> int:
    return int(openalex_id[1:])


def _lookups(papers: Iterable[PaperRecord]) -> list[dict[str, Any]]:
    return [{"id": p.id, "dois": _dois(p), "arxiv_ids": _arxiv_ids(p)} for p in papers]


def _dois(paper: PaperRecord) -> list[str]:
    found = [key[len("doi:"):] for key in paper.ids if key.startswith("doi:")]
    found += [ARXIV_DOI_PREFIX + a for a in _arxiv_ids(paper)]
    return sorted(set(found + ([paper.doi] if paper.doi else [])))


def _arxiv_ids(paper: PaperRecord) -> list[str]:
    return sorted({key[len(ARXIV_PREFIX):] for key in paper.ids if key.startswith(ARXIV_PREFIX)})


def _found(tx: Transaction, papers: list[PaperRecord]) -> dict[str, list[dict[str, Any]]]:
    """The Papers in the graph that each record's keys name (the record's own id included)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in tx.run("ingest/papers_by_keys", lookups=_lookups(papers)):
        found.setdefault(row["record_id"], []).append(row)
    return found


def write_openalex(graph: Graph, papers: list[PaperRecord]) -> int:
    return serial.write_transaction(graph, lambda tx: write_openalex_in(tx, papers))


def write_openalex_in(tx: Transaction, papers: list[PaperRecord]) -> int:
    """OpenAlex works: each takes over an arXiv-only Paper that shares a key with it (the
    lowest-numbered work when several do, and only while the work has no Paper of its own),
    and keeps what arXiv contributed to its Paper."""
    papers = list({paper.id: paper for paper in papers}.values())
    found = _found(tx, papers)
    takers: dict[str, str] = {}
    for paper in papers:
        rows = found.get(paper.id, [])
        if any(row["id"] == paper.id for row in rows):
            continue
        for row in rows:
            if row["sources"] == [ARXIV]:
                taker = takers.get(row["id"])
                if taker is None or _number(paper.id) < _number(taker):
                    takers[row["id"]] = paper.id
    renames = {}
    for arxiv_paper, work in sorted(takers.items()):
        renames.setdefault(work, arxiv_paper)
    if renames:
        tx.run("ingest/rename_papers",
               renames=[{"from": old, "to": new} for new, old in sorted(renames.items())])
    merged = []
    orphans: set[str] = set()
    for paper in papers:
        rows = {row["id"]: row for row in found.get(paper.id, [])}
        node = rows.get(renames.get(paper.id, paper.id))
        if node is not None and ARXIV in (node["sources"] or []):
            merged.append(_with_arxiv_part(paper, node))
            orphans.update(node["named_authors"])
        else:
            merged.append(paper)
    written = writer.write_in(tx, merged, renamed=renames.values())
    if renames:
        tx.run("ingest/delete_orphans", researcher_ids=sorted(orphans), source_ids=[ARXIV])
    return written


def _with_arxiv_part(paper: PaperRecord, node: dict[str, Any]) -> PaperRecord:
    """An OpenAlex record with what arXiv contributed to its Paper (stored on `node`)."""
    props = node["props"]
    shared = {name: getattr(paper, name) if getattr(paper, name) is not None else props[name]
              for name in SHARED_FIELDS}
    categories = tuple(props["categories"] or ())
    own_topics = {t.topic.id for t in paper.topics}
    return replace(
        paper, **shared, categories=categories, arxiv_id=props["arxiv_id"],
        ids=tuple(sorted({*paper.ids, *(props["ids"] or ())})),
        sources=tuple(sorted({*paper.sources, *node["sources"]})),
        topics=paper.topics + tuple(category_topics(categories, own_topics)),
    )


def category_topics(categories: Iterable[str], skip: set[str]) -> list[TopicAssignment]:
    """The arXiv categories of a merged paper as topics (none primary: the OpenAlex primary
    topic is the paper's)."""
    return [
        TopicAssignment(topic=TopicRecord(id=ARXIV_PREFIX + c, name=c, level="category"),
                        score=None, primary=False)
        for c in dict.fromkeys(categories) if ARXIV_PREFIX + c not in skip
    ]


def split_arxiv(tx: Transaction, papers: list[PaperRecord]) -> tuple[list[PaperRecord], int]:
    """Adds each arXiv record that is an OpenAlex work in the graph to that work's Paper;
    returns the records that are papers of their own, and how many were added."""
    papers = list({paper.id: paper for paper in papers}.values())
    found = _found(tx, papers)
    attached, alone = [], []
    for paper in papers:
        works = [row for row in found.get(paper.id, []) if OPENALEX in (row["sources"] or [])]
        if not works:
            alone.append(paper)
            continue
        node = min(works, key=lambda row: _number(row["id"]))
        attached.append(_arxiv_part(paper, node))
    if attached:
        _attach(tx, attached)
    return alone, len(attached)


def _arxiv_part(paper: PaperRecord, node: dict[str, Any]) -> dict[str, Any]:
    props = node["props"]
    shared = {name: props[name] if props[name] is not None else getattr(paper, name)
              for name in SHARED_FIELDS}
    return {
        "id": node["id"],
        "props": {**shared, "categories": list(paper.categories) or None,
                  "arxiv_id": paper.arxiv_id,
                  "ids": sorted({*(props["ids"] or ()), paper.id, *paper.ids}),
                  "sources": sorted({*node["sources"], ARXIV})},
        "topics": [{"id": t.topic.id, "score": t.score, "primary": t.primary}
                   for t in category_topics(paper.categories, set())],
    }


def _attach(tx: Transaction, rows: list[dict[str, Any]]) -> None:
    topics = [{"id": t["id"], "name": t["id"][len(ARXIV_PREFIX):], "level": "category",
               "parent_id": None} for row in rows for t in row["topics"]]
    joined = tx.run("ingest/topics", topics=list({t["id"]: t for t in topics}.values()))[0][
        "joined"]
    paper_ids = [row["id"] for row in rows]
    before = derive.facts_before(tx, paper_ids)
    tx.run("ingest/attach_arxiv", papers=rows)
    after = derive.facts_before(tx, paper_ids)
    change = derive.move(tx, before, after)
    readmodel.refresh(tx, paper_ids=paper_ids,
                      topic_ids=change.topic_ids | {t["id"] for t in topics},
                      researcher_ids=change.researcher_ids)
    readmodel.move_top_papers(tx, paper_ids, change.topic_ids, joined)
    novelty.after_batch(tx, before, after)
