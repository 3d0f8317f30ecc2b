"""arXiv metadata in the Kaggle snapshot format (one JSON object per line) -> `PaperRecord`.

The paper is `arxiv:<id>`, a preprint in the source `arxiv`. Its categories (space-separated,
the primary one first) become topics `arxiv:<category>` of level `category`. Its date is the
day of the first version, or `update_date` when no version is listed. Authors come from
`authors_parsed` ([last, first, suffix, affiliation?]), or from the `authors` string when that
is missing; they have no source id, so each is `name:<name key>` unless the rule of
`name_match` finds them in the graph. Affiliation strings are not kept: they are as often
footnote marks ("1 and 2") as institution names.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

from kg.db.graph import Graph, Transaction
from kg.ingest import identity, serial, source_ids, writer
from kg.ingest.name_match import named_researcher, normalised_doi, resolve_named_authors
from kg.ingest.records import (
    AuthorshipRecord,
    PaperRecord,
    RecordError,
    SourceRecord,
    TopicAssignment,
    TopicRecord,
    items,
    objects,
    text,
)

ID_PREFIX = "arxiv:"
ARXIV_SOURCE = SourceRecord(id="arxiv", name="arXiv", type="repository")
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})$")


def parse_record(record: dict[str, Any]) -> PaperRecord:
    arxiv_id = text(record, "id", required=True)
    assert arxiv_id is not None
    arxiv_id = arxiv_id.strip()
    if not _ARXIV_ID.match(arxiv_id):
        raise RecordError(f"'id' {arxiv_id!r} is not an arXiv identifier")
    journal_dois = [normalised_doi(d) for d in (text(record, "doi") or "").split()]
    categories = (text(record, "categories") or "").split()
    published = _first_version_date(record) or _iso_date(record, "update_date")
    authors = [a for a in map(named_researcher, _author_names(record)) if a is not None]
    keys = [source_ids.arxiv_key(arxiv_id),
            *(key for doi in journal_dois for key in source_ids.doi_keys(doi))]
    return PaperRecord(
        id=ID_PREFIX + arxiv_id,
        title=_squashed(text(record, "title", required=True)),
        doi=journal_dois[0] if journal_dois else arxiv_doi(arxiv_id),
        abstract=_squashed(text(record, "abstract")),
        year=published.year if published else None,
        date=published.isoformat() if published else None,
        type="preprint",
        categories=tuple(categories),
        source=ARXIV_SOURCE,
        authorships=tuple(
            AuthorshipRecord(researcher=author, position=_position(i, len(authors)),
                             is_corresponding=False)
            for i, author in enumerate(authors)
        ),
        topics=tuple(
            TopicAssignment(
                topic=TopicRecord(id=ID_PREFIX + category, name=category, level="category"),
                score=None, primary=i == 0,
            )
            for i, category in enumerate(dict.fromkeys(categories))
        ),
        ids=tuple(sorted(set(keys))),
        arxiv_id=arxiv_id.lower(),
        sources=(source_ids.ARXIV,),
    )


def arxiv_doi(arxiv_id: str) -> str:
    """The DOI arXiv registers for every paper (DataCite, prefix 10.48550)."""
    return f"10.48550/arxiv.{arxiv_id.lower()}"


def dois_of(paper: PaperRecord) -> list[str]:
    """Every DOI the paper is known by: its journal DOI (if any) and its arXiv DOI."""
    own = arxiv_doi(paper.id[len(ID_PREFIX):])
    return list(dict.fromkeys([d for d in (paper.doi, own) if d]))


def write_papers(graph: Graph, papers: list[PaperRecord]) -> int:
    """Records that are OpenAlex works in the graph join those works' Papers (identity.py); the
    rest land as papers of their own."""
    return serial.write_transaction(graph, lambda tx: _write_in(tx, papers))


def _write_in(tx: Transaction, papers: list[PaperRecord]) -> int:
    alone, attached = identity.split_arxiv(tx, papers)
    return attached + writer.write_in(tx, resolve_named_authors(tx, alone, dois_of))


def _author_names(record: dict[str, Any]) -> list[str]:
    if record.get("authors_parsed") is None:
        listed = text(record, "authors") or ""
        return [n for n in re.split(r",\s*|\s+and\s+", listed.replace("\n", " ")) if n.strip()]
    names = []
    for parts in items(record, "authors_parsed"):
        if not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts):
            raise RecordError("every entry of 'authors_parsed' must be a list of strings")
        last, first, suffix = (parts + ["", ""])[:3]
        names.append(" ".join(p.strip() for p in (first, last, suffix) if p.strip()))
    return names


def _position(index: int, count: int) -> str:
    if index == 0:
        return "first"
    return "last" if index == count - 1 else "middle"


def _first_version_date(record: dict[str, Any]) -> date | None:
    versions = objects(record, "versions")
    if not versions:
        return None
    created = text(versions[0], "created")
    if not created:
        return None
    try:
        return parsedate_to_datetime(created).date()
    except (TypeError, ValueError) as exc:
        raise RecordError(f"versions[0].created {created!r} is not an RFC 2822 date") from exc


def _iso_date(record: dict[str, Any], key: str) -> date | None:
    value = text(record, key)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise RecordError(f"field {key!r} {value!r} is not a YYYY-MM-DD date") from exc


def _squashed(value: str | None) -> str | None:
    """arXiv wraps titles and abstracts at 80 columns; the line breaks are not content."""
    return " ".join(value.split()) if value else None
