"""The normalised records every source format is parsed into, and the checks parsers use."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any


class RecordError(ValueError):
    """A record that cannot be ingested; the message is the reason written to the rejects file."""


MAX_ID_LENGTH = 256
_TOPIC_PREFIXES = "domain|field|subfield|topic|keyword|category"

# The id shapes each node type owns: OpenAlex's short ids and the prefixes the ingest mints. An
# id of one type may not take a shape another type owns, so two nodes never share an id.
OWNED_ID_SHAPES: dict[str, re.Pattern[str]] = {
    "Paper": re.compile(r"W\d+|arxiv:(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})"),
    "Researcher": re.compile(r"A\d+|name:.*"),
    "Institution": re.compile(r"I\d+|inst:.*"),
    "Source": re.compile(r"S\d+|arxiv"),
    "Topic": re.compile(rf"T\d+|(domains|fields|subfields)/\d+|({_TOPIC_PREFIXES}):.*"
                        r"|arxiv:[a-z-]+(\.[A-Za-z-]+)?"),
}
# OpenAlex's own ids, by node type: an OpenAlex record must use exactly these.
OPENALEX_ID_SHAPES: dict[str, re.Pattern[str]] = {
    "Paper": re.compile(r"W\d{1,18}"),
    "Researcher": re.compile(r"A\d{1,18}"),
    "Institution": re.compile(r"I\d{1,18}"),
    "Source": re.compile(r"S\d{1,18}"),
    "Topic": re.compile(r"T\d{1,18}|(domains|fields|subfields)/\d{1,18}"),
}


def checked_id(kind: str, value: str, what: str) -> str:
    """`value` as the id of a node of type `kind` (Paper, Researcher, ...): not blank, at most
    `MAX_ID_LENGTH` characters, and not in a shape another node type owns."""
    shown = value if len(value) <= 40 else value[:40] + "…"
    if not value.strip() or len(value) > MAX_ID_LENGTH:
        raise RecordError(f"{what} {shown!r} is blank or longer than {MAX_ID_LENGTH} characters")
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise RecordError(f"{what} {shown!r} contains control characters")
    for other, shape in OWNED_ID_SHAPES.items():
        if other != kind and shape.fullmatch(value):
            raise RecordError(f"{what} {shown!r} has the form of {other} ids")
    return value


def openalex_id(kind: str, value: str, what: str) -> str:
    """`value` as an OpenAlex id of a node of type `kind` (`W…` for a Paper, `A…` for a
    Researcher, ...)."""
    if not OPENALEX_ID_SHAPES[kind].fullmatch(value):
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise RecordError(f"{what} {shown!r} is not an OpenAlex {kind.lower()} id")
    return value


@dataclass(frozen=True)
class SourceRecord:
    id: str
    name: str | None
    type: str | None


@dataclass(frozen=True)
class InstitutionRecord:
    id: str
    name: str | None = None
    ror: str | None = None
    country: str | None = None
    type: str | None = None
    lineage: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResearcherRecord:
    id: str
    name: str | None
    orcid: str | None = None


@dataclass(frozen=True)
class AuthorshipRecord:
    researcher: ResearcherRecord
    position: str | None
    is_corresponding: bool
    institutions: tuple[InstitutionRecord, ...] = ()


@dataclass(frozen=True)
class TopicRecord:
    id: str
    name: str | None
    level: str
    parent_id: str | None = None


@dataclass(frozen=True)
class TopicAssignment:
    topic: TopicRecord
    score: float | None
    primary: bool
    ancestors: tuple[TopicRecord, ...] = ()


@dataclass(frozen=True)
class PaperRecord:
    id: str
    title: str | None
    doi: str | None = None
    abstract: str | None = None
    year: int | None = None
    date: str | None = None
    type: str | None = None
    cited_by_count: int = 0
    counts_by_year: tuple[tuple[int, int], ...] = ()  # (year, citations) as the source reports
    is_retracted: bool = False
    references: tuple[str, ...] = ()
    referenced_works_count: int = 0
    upvotes: int = 0
    organisation: str | None = None
    categories: tuple[str, ...] = ()
    published: str | None = None
    listings: tuple[str, ...] = ()
    listed_author_count: int | None = None
    source: SourceRecord | None = None
    authorships: tuple[AuthorshipRecord, ...] = ()
    topics: tuple[TopicAssignment, ...] = field(default=())
    ids: tuple[str, ...] = ()  # every source key of the work: "W1", "arxiv:0704.0001", "doi:10.1/x"
    arxiv_id: str | None = None
    sources: tuple[str, ...] = ()  # the formats that described it: "openalex", "arxiv"


_NOT_A_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """The identity key of a researcher known only by name: accents folded, case folded, every
    run of punctuation or space made one space, words in their order ("José M. Pérez-Soba" ->
    "jose m perez soba"; "Al‐Shuhail" with a Unicode hyphen -> "al shuhail").
    Letters without an accent-free form (ł, ø, CJK) are kept as they are."""
    if name.isascii():  # no decomposition, no combining mark; casefold is lower (the bulk
        # load keys every researcher's name in its one parent process)
        return " ".join(_NOT_A_WORD.sub(" ", name.lower()).split())
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_A_WORD.sub(" ", folded).split())


def text(obj: dict[str, Any], key: str, required: bool = False) -> str | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise RecordError(f"field {key!r} is missing")
        return None
    if not isinstance(value, str):
        raise RecordError(f"field {key!r} must be a string, got {type(value).__name__}")
    if required and not value.strip():
        raise RecordError(f"field {key!r} is empty")
    return value


def integer(obj: dict[str, Any], key: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"field {key!r} must be an integer, got {type(value).__name__}")
    return value


def boolean(obj: dict[str, Any], key: str) -> bool | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise RecordError(f"field {key!r} must be true or false, got {type(value).__name__}")
    return value


def number(obj: dict[str, Any], key: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(f"field {key!r} must be a number, got {type(value).__name__}")
    return float(value)


def items(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"field {key!r} must be a list, got {type(value).__name__}")
    return value


def strings(obj: dict[str, Any], key: str) -> list[str]:
    values = items(obj, key)
    for value in values:
        if not isinstance(value, str):
            raise RecordError(f"field {key!r} must be a list of strings, "
                              f"got an entry of type {type(value).__name__}")
    return values


def objects(obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
    values = items(obj, key)
    for value in values:
        if not isinstance(value, dict):
            raise RecordError(f"field {key!r} must be a list of objects, "
                              f"got an entry of type {type(value).__name__}")
    return values


def mapping(obj: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RecordError(f"field {key!r} must be an object, got {type(value).__name__}")
    return value
