"""OpenAlex Work records (current API schema) -> `PaperRecord`.

Identifiers are stored in short form: `https://openalex.org/W2741809807` -> `W2741809807`,
`https://openalex.org/subfields/1904` -> `subfields/1904`; DOIs, ORCIDs and RORs without their
URL prefix. Authorships without an author id (OpenAlex could not identify the person) are not
researchers and are left out; an author listed twice on one work counts once.
"""

from __future__ import annotations

from typing import Any

from kg.ingest import source_ids
from kg.ingest.records import (
    AuthorshipRecord,
    InstitutionRecord,
    PaperRecord,
    RecordError,
    ResearcherRecord,
    SourceRecord,
    TopicAssignment,
    TopicRecord,
    boolean,
    integer,
    items,
    mapping,
    number,
    objects,
    openalex_id,
    text,
)
from kg.vocabulary import OPENALEX_TOPIC_ANCESTRY

_OPENALEX = "https://openalex.org/"
_PREFIXES = (_OPENALEX, "https://doi.org/", "https://orcid.org/", "https://ror.org/")


def short_id(value: str) -> str:
    if value.startswith(_OPENALEX):  # nearly every id: one test
        return value[len(_OPENALEX):]
    for prefix in _PREFIXES:
        if value.startswith(prefix):
            return value[len(prefix):]
    return value


def _optional_id(obj: dict[str, Any] | None, key: str = "id") -> str | None:
    if obj is None:
        return None
    value = text(obj, key)
    return short_id(value) if value else None


def abstract_from_inverted_index(index: dict[str, Any] | None) -> str | None:
    """Rebuild an abstract from OpenAlex's `{word: [positions]}` form."""
    if not index:
        return None
    positions: dict[int, str] = {}
    for word, places in index.items():
        if not isinstance(places, list) or not all(isinstance(p, int) for p in places):
            raise RecordError(f"abstract_inverted_index[{word!r}] must be a list of positions")
        for place in places:
            positions[place] = word
    return " ".join(positions[i] for i in sorted(positions))


def parse_work(work: dict[str, Any]) -> PaperRecord:
    work_id = _optional_id(work)
    if not work_id:
        raise RecordError("record has no 'id'")
    openalex_id("Paper", work_id, "'id'")
    primary_location = mapping(work, "primary_location")
    source = mapping(primary_location, "source") if primary_location else None
    referenced = [short_id(r) for r in items(work, "referenced_works") if isinstance(r, str)]
    doi = _optional_id(work, "doi")
    doi = doi.lower() if doi else None
    arxiv_ids = _arxiv_ids(work)
    return PaperRecord(
        id=work_id,
        title=text(work, "title") or text(work, "display_name"),
        doi=doi,
        abstract=abstract_from_inverted_index(mapping(work, "abstract_inverted_index")),
        year=integer(work, "publication_year"),
        date=text(work, "publication_date"),
        type=text(work, "type"),
        cited_by_count=integer(work, "cited_by_count") or 0,
        counts_by_year=_counts_by_year(work),
        is_retracted=bool(boolean(work, "is_retracted")),
        references=tuple(referenced),
        referenced_works_count=integer(work, "referenced_works_count") or len(referenced),
        source=_source(source),
        authorships=tuple(_authorships(work)),
        topics=tuple(_topics(work)),
        ids=tuple(sorted({work_id, *source_ids.doi_keys(doi),
                          *map(source_ids.arxiv_key, arxiv_ids)})),
        arxiv_id=arxiv_ids[0] if arxiv_ids else None,
        sources=(source_ids.OPENALEX,),
    )


def _arxiv_ids(work: dict[str, Any]) -> list[str]:
    """The arXiv ids OpenAlex lists for a work: in its DOI (arXiv's own), its `ids` and the
    arxiv.org URLs of its locations."""
    urls = [v for v in (mapping(work, "ids") or {}).values() if isinstance(v, str)]
    urls += [v for v in (text(work, "doi"),) if v]
    for key in ("primary_location", "best_oa_location"):
        location = mapping(work, key)
        if location:
            urls += [location.get("landing_page_url"), location.get("pdf_url")]
    for location in objects(work, "locations"):
        urls += [location.get("landing_page_url"), location.get("pdf_url")]
    found = {source_ids.arxiv_id_of(url) for url in urls
             if isinstance(url, str) and "arxiv" in url.lower()}
    return sorted(found - {None})  # type: ignore[arg-type]


def _counts_by_year(work: dict[str, Any]) -> tuple[tuple[int, int], ...]:
    counts: dict[int, int] = {}
    for entry in objects(work, "counts_by_year"):
        year = integer(entry, "year")
        if year is None:
            raise RecordError("every entry of 'counts_by_year' needs a 'year'")
        counts[year] = integer(entry, "cited_by_count") or 0
    return tuple(sorted(counts.items()))


def _source(source: dict[str, Any] | None) -> SourceRecord | None:
    source_id = _optional_id(source)
    if source is None or not source_id:
        return None
    return SourceRecord(id=openalex_id("Source", source_id, "the source's 'id'"),
                        name=text(source, "display_name"), type=text(source, "type"))


def _authorships(work: dict[str, Any]) -> list[AuthorshipRecord]:
    corresponding = {short_id(a) for a in items(work, "corresponding_author_ids")
                     if isinstance(a, str)}
    found = []
    for authorship in items(work, "authorships"):
        if not isinstance(authorship, dict):
            raise RecordError("every entry of 'authorships' must be an object")
        author = mapping(authorship, "author") or {}
        author_id = _optional_id(author)
        if not author_id:
            continue
        openalex_id("Researcher", author_id, "an author's 'id'")
        orcid = text(author, "orcid")
        is_corresponding = boolean(authorship, "is_corresponding")
        found.append(AuthorshipRecord(
            researcher=ResearcherRecord(
                id=author_id, name=text(author, "display_name"),
                orcid=short_id(orcid) if orcid else None,
            ),
            position=text(authorship, "author_position"),
            is_corresponding=bool(is_corresponding) or author_id in corresponding,
            institutions=tuple(_institutions(authorship)),
        ))
    return found


def _institutions(authorship: dict[str, Any]) -> list[InstitutionRecord]:
    found = []
    for institution in items(authorship, "institutions"):
        if not isinstance(institution, dict):
            raise RecordError("every entry of 'institutions' must be an object")
        record = parse_institution(institution)
        if record is not None:
            found.append(record)
    return found


def parse_institution(institution: dict[str, Any]) -> InstitutionRecord | None:
    """An OpenAlex institution object (of a work's authorship or an author's affiliation);
    None when it has no id."""
    institution_id = _optional_id(institution)
    if not institution_id:
        return None
    ror = text(institution, "ror")
    return InstitutionRecord(
        id=openalex_id("Institution", institution_id, "an institution's 'id'"),
        name=text(institution, "display_name"),
        ror=short_id(ror) if ror else None,
        country=text(institution, "country_code"),
        type=text(institution, "type"),
        lineage=tuple(openalex_id("Institution", short_id(i), "an institution's 'lineage' id")
                      for i in items(institution, "lineage") if isinstance(i, str)),
    )


def _topics(work: dict[str, Any]) -> list[TopicAssignment]:
    primary = _optional_id(mapping(work, "primary_topic"))
    found = []
    for topic in items(work, "topics"):
        if not isinstance(topic, dict):
            raise RecordError("every entry of 'topics' must be an object")
        topic_id = _optional_id(topic)
        if not topic_id:
            continue
        openalex_id("Topic", topic_id, "a topic's 'id'")
        chain = [(topic_id, text(topic, "display_name"), "topic")]
        for level in OPENALEX_TOPIC_ANCESTRY:
            node = mapping(topic, level)
            node_id = _optional_id(node)
            if node is None or not node_id:
                break
            openalex_id("Topic", node_id, f"a topic's {level} 'id'")
            chain.append((node_id, text(node, "display_name"), level))
        records = [
            TopicRecord(id=tid, name=name, level=level,
                        parent_id=chain[i + 1][0] if i + 1 < len(chain) else None)
            for i, (tid, name, level) in enumerate(chain)
        ]
        found.append(TopicAssignment(
            topic=records[0],
            score=number(topic, "score"),
            primary=topic_id == primary,
            ancestors=tuple(records[1:]),
        ))
    return found
