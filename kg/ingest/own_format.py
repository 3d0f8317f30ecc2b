"""The project's own record format (`kg ingest jsonl`, spec in docs/formats.md) -> `PaperRecord`.

Strict about types: a field of the wrong type rejects the record with the field's name. People,
institutions and topics without an `id` get one from their name; name-only authors are merged
with a researcher already in the graph only by the rule of `name_match`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.db.graph import Graph, Transaction
from kg.db.models import TOPIC_LEVELS
from kg.errors import BadInput
from kg.ingest import serial, writer
from kg.ingest.name_match import named_researcher, normalised_doi, resolve_named_authors
from kg.ingest.records import (
    OWNED_ID_SHAPES,
    AuthorshipRecord,
    InstitutionRecord,
    PaperRecord,
    RecordError,
    ResearcherRecord,
    SourceRecord,
    TopicAssignment,
    TopicRecord,
    checked_id,
    integer,
    mapping,
    name_key,
    number,
    objects,
    strings,
    text,
)

DEFAULT_TOPIC_LEVEL = "keyword"


def parse_paper(record: dict[str, Any]) -> PaperRecord:
    paper_id = text(record, "id", required=True)
    assert paper_id is not None
    doi = text(record, "doi")
    authors = objects(record, "authors")
    paper = PaperRecord(
        id=checked_id("Paper", paper_id.strip(), "'id'"),
        title=text(record, "title", required=True),
        doi=normalised_doi(doi) if doi else None,
        abstract=text(record, "abstract"),
        year=integer(record, "year"),
        date=_iso_date(record, "date"),
        type=text(record, "type"),
        cited_by_count=integer(record, "cited_by_count") or 0,
        upvotes=integer(record, "upvotes") or 0,
        organisation=text(record, "organisation"),
        categories=tuple(strings(record, "categories")),
        published=text(record, "published"),
        listings=tuple(strings(record, "listings")),
        listed_author_count=integer(record, "author_count"),
        references=tuple(strings(record, "references")),
        referenced_works_count=len(strings(record, "references")),
        source=_source(mapping(record, "source")),
        authorships=tuple(
            _authorship(author, i, len(authors)) for i, author in enumerate(authors)
        ),
        topics=tuple(_topic(topic) for topic in objects(record, "topics")),
    )
    _check_no_shared_ids(paper)
    return paper


def _ids_by_type(paper: PaperRecord) -> list[tuple[str, str]]:
    """Every node id a record names, with the node type it names."""
    named = [(paper.id, "Paper")]
    named += [(a.researcher.id, "Researcher") for a in paper.authorships]
    named += [(i.id, "Institution") for a in paper.authorships for i in a.institutions]
    named += [(t.topic.id, "Topic") for t in paper.topics]
    named += [(paper.source.id, "Source")] if paper.source else []
    return named


def _shown(node_id: str) -> str:
    return node_id if len(node_id) <= 40 else node_id[:40] + "…"


def _check_no_shared_ids(paper: PaperRecord) -> None:
    """One id names one node: a record may not give a paper and an author (or any two node
    types) the same id."""
    kinds: dict[str, str] = {}
    for node_id, kind in _ids_by_type(paper):
        if kinds.setdefault(node_id, kind) != kind:
            raise RecordError(f"id {_shown(node_id)!r} names both a {kinds[node_id]} and a {kind}")


def refuse_ids_of_other_types(tx: Transaction, papers: list[PaperRecord]) -> None:
    """A free-form id (of no shape a node type owns) may already name a node of another type,
    in the graph or in another record of the batch: refuse the batch then, so the pipeline
    narrows it down to the record and rejects that."""
    kinds: dict[str, str] = {}
    for paper in papers:
        for node_id, kind in _ids_by_type(paper):
            if OWNED_ID_SHAPES[kind].fullmatch(node_id):
                continue
            if kinds.setdefault(node_id, kind) != kind:
                raise BadInput(f"id {_shown(node_id)!r} names both a {kinds[node_id]} and a "
                               f"{kind} in one batch")
    taken = tx.run("ingest/ids_taken", ids=[{"id": i, "label": k} for i, k in kinds.items()])
    if taken:
        first = taken[0]
        raise BadInput(f"id {_shown(first['id'])!r} of a {first['label']} already names a "
                       f"{first['taken_by']}")


def dois_of(paper: PaperRecord) -> list[str]:
    return [paper.doi] if paper.doi else []


def write_papers(graph: Graph, papers: list[PaperRecord]) -> int:
    def work(tx: Transaction) -> int:
        refuse_ids_of_other_types(tx, papers)
        return writer.write_in(tx, resolve_named_authors(tx, papers, dois_of))

    return serial.write_transaction(graph, work)


def _iso_date(record: dict[str, Any], key: str) -> str | None:
    value = text(record, key)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise RecordError(f"field {key!r} {value!r} is not a YYYY-MM-DD date") from exc


def _source(source: dict[str, Any] | None) -> SourceRecord | None:
    if source is None:
        return None
    source_id = text(source, "id", required=True)
    assert source_id is not None
    return SourceRecord(id=checked_id("Source", source_id, "the source's 'id'"),
                        name=text(source, "name"), type=text(source, "type"))


def _authorship(author: dict[str, Any], index: int, count: int) -> AuthorshipRecord:
    return AuthorshipRecord(
        researcher=_researcher(author),
        position="first" if index == 0 else "last" if index == count - 1 else "middle",
        is_corresponding=False,
        institutions=tuple(_institution(i) for i in objects(author, "affiliations")),
    )


def _researcher(author: dict[str, Any]) -> ResearcherRecord:
    author_id, name = text(author, "id"), text(author, "name")
    if author_id:
        return ResearcherRecord(id=checked_id("Researcher", author_id, "an author's 'id'"),
                                name=name, orcid=text(author, "orcid"))
    named = named_researcher(name or "")
    if named is None:
        raise RecordError("an author has neither 'id' nor a 'name' with letters")
    return ResearcherRecord(id=named.id, name=named.name, orcid=text(author, "orcid"))


def _institution(affiliation: dict[str, Any]) -> InstitutionRecord:
    name = text(affiliation, "name")
    given = text(affiliation, "id")
    institution_id = checked_id("Institution", given, "an affiliation's 'id'") if given \
        else _name_id("inst", name, "an affiliation")
    return InstitutionRecord(
        id=institution_id, name=name, ror=text(affiliation, "ror"),
        country=text(affiliation, "country"), type=text(affiliation, "type"),
    )


def _topic(topic: dict[str, Any]) -> TopicAssignment:
    level = text(topic, "level") or DEFAULT_TOPIC_LEVEL
    if level not in TOPIC_LEVELS:
        raise RecordError(f"topic level {level!r} is not one of {', '.join(TOPIC_LEVELS)}")
    name = text(topic, "name")
    given = text(topic, "id")
    topic_id = checked_id("Topic", given, "a topic's 'id'") if given \
        else _name_id(level, name, "a topic")
    return TopicAssignment(
        topic=TopicRecord(id=topic_id, name=name, level=level),
        score=number(topic, "score"), primary=False,
    )


def _name_id(prefix: str, name: str | None, what: str) -> str:
    key = name_key(name or "")
    if not key:
        raise RecordError(f"{what} has neither 'id' nor a 'name' with letters")
    return f"{prefix}:{key}"
