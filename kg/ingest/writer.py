"""Lands a batch of `PaperRecord`s in one write transaction of batched UNWIND queries, and moves
the derived edges and stored figures by what the batch changed (derive.py), so they stay equal to
a re-derivation from the facts.

CITES are linked in the batch too: a reference to a paper not (yet) in the graph waits in the
citing paper's pending_refs, under a full-text index whose keyword analyzer makes each waiting
id one exact term, so the paper it names, whenever it lands, finds the papers waiting for it by
a term lookup (`ingest/waiting_papers`, run before the batch writes, then
`ingest/link_references`), never by a scan of every paper's references.

A re-ingested paper whose record is unchanged costs one index read: every Paper stores the
`digest` of the record it was written from (`record_digest`, the bulk path stores the same), and a
batch rewrites only the papers whose digest differs (a Paper that merges an arXiv record and an
OpenAlex work has none, in whichever order they came: it is not one record, and the attach path
writes it from two); the researchers, institutions, topics and
venues every record names are upserted as before, so the last record to name one still decides
its name, whether or not its paper changed.

A batch is all or nothing: facts and derived edges commit together, so a run killed half-way
leaves a consistent graph, and re-running the file converges to the graph of one clean run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from kg.db.graph import Graph, Transaction
from kg.ingest import derive, novelty, readmodel
from kg.ingest.records import (
    AuthorshipRecord,
    InstitutionRecord,
    PaperRecord,
    TopicRecord,
    name_key,
)


def finish(graph: Graph) -> None:
    """After each batch and at the end of a file: the re-basing of novelty, when a batch asked
    for one (kg/ingest/novelty.py)."""
    readmodel.after_batch(graph)


def write_in(tx: Transaction, papers: list[PaperRecord], renamed: Iterable[str] = ()) -> int:
    """Write one batch inside the caller's transaction; returns the number of papers written
    (an unchanged paper counts: it is in the graph as its record gives it). `renamed`: the
    former ids of Papers the caller gave one of these papers' ids (ingest/rename_papers), which
    stored rankings still name."""
    papers = list({paper.id: paper for paper in papers}.values())
    rows = {p.id: _paper_row(p) for p in papers}
    unchanged = {row["id"] for row in tx.run("ingest/unchanged_papers", papers=[
        {"id": paper_id, "digest": row["props"]["digest"]} for paper_id, row in rows.items()])}
    changed = [p for p in papers if p.id not in unchanged]
    waiting = tx.run("ingest/waiting_papers", paper_ids=[p.id for p in changed]) if changed else []
    before = derive.facts_before(tx, [p.id for p in changed]) if changed else {}
    landed = (tx.run("ingest/papers", papers=[rows[p.id] for p in changed])[0] if changed
              else {"written": 0, "uncited_ids": []})
    tx.run("ingest/sources", papers=[_source_row(p) for p in papers])
    tx.run("ingest/institutions", institutions=_institution_rows(papers))
    topic_rows = _topic_rows(papers)
    joined = tx.run("ingest/topics", topics=topic_rows)[0]["joined"]
    tx.run("ingest/researchers", researchers=_researcher_rows(papers))
    if not changed:
        return len(papers)
    tx.run("ingest/paper_topics", papers=[_paper_topics_row(p) for p in changed])
    tx.run("ingest/authorships", papers=[_authorships_row(p) for p in changed])
    cited = tx.run("ingest/link_references", paper_ids=[p.id for p in changed],
                   waiting=waiting)[0]["cited_ids"]
    after = {p.id: _facts(p) for p in changed}
    change = derive.move(tx, before, after)
    refreshed = [p.id for p in changed] + landed["uncited_ids"] + cited
    readmodel.refresh(tx, paper_ids=refreshed,
                      topic_ids=change.topic_ids | {row["id"] for row in topic_rows},
                      researcher_ids=change.researcher_ids)
    readmodel.move_top_papers(tx, [*refreshed, *renamed], change.topic_ids, joined)
    novelty.after_batch(tx, before, after)
    return landed["written"] + len(unchanged)


def record_digest(paper: PaperRecord) -> str:
    """A digest of everything a Paper is written from: its record, normalised (the parsed and
    merged dataclass, whose repr is deterministic: tuples and scalars only)."""
    return hashlib.blake2b(repr(paper).encode(), digest_size=16).hexdigest()


def _facts(paper: PaperRecord) -> derive.PaperFacts:
    authorships = _unique_authorships(paper)
    return derive.PaperFacts(
        year=paper.year, author_count=len(authorships), categories=tuple(paper.categories),
        authors={a.researcher.id: tuple(i.id for i in a.institutions) for a in authorships},
        topics=frozenset(t.topic.id for t in paper.topics),
    )


def _paper_row(paper: PaperRecord) -> dict[str, Any]:
    props = {
        "title": paper.title,
        "doi": paper.doi,
        "abstract": paper.abstract,
        "year": paper.year,
        "date": paper.date,
        "type": paper.type,
        "cited_by_count": paper.cited_by_count,
        "reported_years": [year for year, _ in paper.counts_by_year] or None,
        "reported_counts": [count for _, count in paper.counts_by_year] or None,
        "is_retracted": paper.is_retracted,
        "referenced_works_count": paper.referenced_works_count,
        "upvotes": paper.upvotes,
        "organisation": paper.organisation,
        "categories": list(paper.categories) or None,
        "published": paper.published,
        "listings": list(paper.listings) or None,
        "listed_author_count": paper.listed_author_count,
        "ids": sorted({paper.id, *paper.ids}),
        "arxiv_id": paper.arxiv_id,
        "sources": list(paper.sources) or None,
        "digest": record_digest(paper) if len(paper.sources) <= 1 else None,
    }
    return {"id": paper.id, "props": props, "references": list(dict.fromkeys(paper.references))}


def _source_row(paper: PaperRecord) -> dict[str, Any]:
    source = paper.source
    return {
        "id": paper.id,
        "source": None if source is None else vars(source),
    }


def _institution_rows(papers: Iterable[PaperRecord]) -> list[dict[str, Any]]:
    merged: dict[str, InstitutionRecord] = {}
    lineage: dict[str, set[str]] = {}
    for paper in papers:
        for authorship in paper.authorships:
            for institution in authorship.institutions:
                merged.setdefault(institution.id, institution)
                lineage.setdefault(institution.id, set()).update(institution.lineage)
    return [
        {**vars(inst), "lineage": sorted(lineage[inst.id])} for inst in merged.values()
    ]


def _topic_rows(papers: Iterable[PaperRecord]) -> list[dict[str, Any]]:
    topics: dict[str, TopicRecord] = {}
    for paper in papers:
        for assignment in paper.topics:
            for topic in (assignment.topic, *assignment.ancestors):
                topics.setdefault(topic.id, topic)
    return [vars(topic) for topic in topics.values()]


def _paper_topics_row(paper: PaperRecord) -> dict[str, Any]:
    unique = {t.topic.id: t for t in paper.topics}
    return {
        "id": paper.id,
        "topics": [
            {"id": t.topic.id, "score": t.score, "primary": t.primary} for t in unique.values()
        ],
    }


def _unique_authorships(paper: PaperRecord) -> list[AuthorshipRecord]:
    """One authorship per researcher: the first listed, with the institutions of all."""
    first: dict[str, AuthorshipRecord] = {}
    institutions: dict[str, dict[str, InstitutionRecord]] = {}
    for authorship in paper.authorships:
        rid = authorship.researcher.id
        first.setdefault(rid, authorship)
        institutions.setdefault(rid, {}).update({i.id: i for i in authorship.institutions})
    return [
        AuthorshipRecord(a.researcher, a.position, a.is_corresponding,
                         tuple(institutions[rid].values()))
        for rid, a in first.items()
    ]


def _researcher_rows(papers: Iterable[PaperRecord]) -> list[dict[str, Any]]:
    """One row per researcher of the batch: the first name seen, and an ORCID from any of their
    authorships (a record may list someone without the ORCID another record gives)."""
    rows: dict[str, dict[str, Any]] = {}
    for paper in papers:
        for authorship in paper.authorships:
            researcher = authorship.researcher
            row = rows.setdefault(researcher.id, {
                "id": researcher.id,
                "name": researcher.name,
                "name_key": name_key(researcher.name) if researcher.name else None,
                "orcid": researcher.orcid,
            })
            row["orcid"] = row["orcid"] or researcher.orcid
            if row["name"] is None and researcher.name:
                row["name"] = researcher.name
                row["name_key"] = name_key(researcher.name)
    return list(rows.values())


def _authorships_row(paper: PaperRecord) -> dict[str, Any]:
    return {
        "id": paper.id,
        "authorships": [
            {
                "researcher_id": a.researcher.id,
                "position": a.position,
                "is_corresponding": a.is_corresponding,
                "institution_ids": [i.id for i in a.institutions] or None,
            }
            for a in _unique_authorships(paper)
        ],
    }
