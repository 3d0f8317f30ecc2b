"""The project's own record format (`kg ingest jsonl`, spec in docs/formats.md) -> `PaperRecord`.

Strict about types: a field of the wrong type rejects the record with the field's name. People,
institutions and topics without an `id` get one from their name; name-only authors are merged
with a researcher already in the graph only by the rule of `name_match`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.db.graph import Graph
from kg.db.models import TOPIC_LEVELS
from kg.ingest import writer
from kg.ingest.name_match import named_researcher, normalised_doi, resolve_named_authors
from kg.ingest.records import (
    AuthorshipRecord,
    InstitutionRecord,
    PaperRecord,
    RecordError,
    ResearcherRecord,
    SourceRecord,
    TopicAssignment,
    TopicRecord,
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
    return PaperRecord(
        id=paper_id.strip(),
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


def dois_of(paper: PaperRecord) -> list[str]:
    return [paper.doi] if paper.doi else []


def write_papers(graph: Graph, papers: list[PaperRecord]) -> int:
    return graph.write_transaction(
        lambda tx: writer.write_in(tx, resolve_named_authors(tx, papers, dois_of)))


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
    return SourceRecord(id=source_id, name=text(source, "name"), type=text(source, "type"))


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
        return ResearcherRecord(id=author_id, name=name, orcid=text(author, "orcid"))
    named = named_researcher(name or "")
    if named is None:
        raise RecordError("an author has neither 'id' nor a 'name' with letters")
    return ResearcherRecord(id=named.id, name=named.name, orcid=text(author, "orcid"))


def _institution(affiliation: dict[str, Any]) -> InstitutionRecord:
    name = text(affiliation, "name")
    institution_id = text(affiliation, "id") or _name_id("inst", name, "an affiliation")
    return InstitutionRecord(
        id=institution_id, name=name, ror=text(affiliation, "ror"),
        country=text(affiliation, "country"), type=text(affiliation, "type"),
    )


def _topic(topic: dict[str, Any]) -> TopicAssignment:
    level = text(topic, "level") or DEFAULT_TOPIC_LEVEL
    if level not in TOPIC_LEVELS:
        raise RecordError(f"topic level {level!r} is not one of {', '.join(TOPIC_LEVELS)}")
    name = text(topic, "name")
    topic_id = text(topic, "id") or _name_id(level, name, "a topic")
    return TopicAssignment(
        topic=TopicRecord(id=topic_id, name=name, level=level),
        score=number(topic, "score"), primary=False,
    )


def _name_id(prefix: str, name: str | None, what: str) -> str:
    key = name_key(name or "")
    if not key:
        raise RecordError(f"{what} has neither 'id' nor a 'name' with letters")
    return f"{prefix}:{key}"
