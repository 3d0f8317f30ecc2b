"""OpenAlex Author records -> researcher profiles: name, ORCID, alternative names, and the
affiliations the profile lists with their years.

A listed affiliation is a fact of its own, `(Researcher)-[:LISTS_AFFILIATION {years}]->
(Institution)`, separate from the institutions of authorships; the derived AFFILIATED_WITH reads
both, and is refreshed for every profile in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.db.graph import Graph, Transaction
from kg.ingest import derive, readmodel, serial
from kg.ingest.openalex import parse_institution, short_id
from kg.ingest.records import (
    InstitutionRecord,
    RecordError,
    mapping,
    name_key,
    objects,
    openalex_id,
    strings,
    text,
)


@dataclass(frozen=True)
class ListedAffiliation:
    institution: InstitutionRecord
    years: tuple[int, ...]


@dataclass(frozen=True)
class AuthorProfile:
    id: str
    name: str | None
    orcid: str | None
    alt_names: tuple[str, ...]
    affiliations: tuple[ListedAffiliation, ...]


def parse_author(record: dict[str, Any]) -> AuthorProfile:
    raw_id = text(record, "id", required=True)
    assert raw_id is not None
    author_id = openalex_id("Researcher", short_id(raw_id), "'id'")
    orcid = text(record, "orcid")
    return AuthorProfile(
        id=author_id,
        name=text(record, "display_name"),
        orcid=short_id(orcid) if orcid else None,
        alt_names=tuple(dict.fromkeys(strings(record, "display_name_alternatives"))),
        affiliations=tuple(_affiliations(record)),
    )


def _affiliations(record: dict[str, Any]) -> list[ListedAffiliation]:
    found: dict[str, ListedAffiliation] = {}
    for affiliation in objects(record, "affiliations"):
        institution = parse_institution(mapping(affiliation, "institution") or {})
        if institution is None:
            continue
        years = affiliation.get("years") or []
        if not isinstance(years, list) or not all(
                isinstance(y, int) and not isinstance(y, bool) for y in years):
            raise RecordError("field 'years' of an affiliation must be a list of integers")
        earlier = found.get(institution.id)
        merged = set(years) | set(earlier.years if earlier else ())
        found[institution.id] = ListedAffiliation(institution, tuple(sorted(merged)))
    return list(found.values())


def write_profiles(graph: Graph, profiles: list[AuthorProfile]) -> int:
    """Write one batch of profiles; returns the number of researchers written."""
    return serial.write_transaction(graph, lambda tx: _write(tx, profiles))


def _write(tx: Transaction, profiles: list[AuthorProfile]) -> int:
    profiles = list({profile.id: profile for profile in profiles}.values())
    institutions: dict[str, InstitutionRecord] = {}
    for profile in profiles:
        for listed in profile.affiliations:
            institutions.setdefault(listed.institution.id, listed.institution)
    tx.run("ingest/institutions",
           institutions=[{**vars(i), "lineage": list(i.lineage)} for i in institutions.values()])
    written = tx.run("ingest/author_profiles", researchers=[
        {"id": p.id, "name": p.name, "name_key": name_key(p.name) if p.name else None,
         "orcid": p.orcid, "alt_names": list(p.alt_names)}
        for p in profiles
    ])[0]["researchers"]
    tx.run("ingest/listed_affiliations", researchers=[
        {"id": p.id, "affiliations": [
            {"institution_id": a.institution.id, "years": list(a.years)} for a in p.affiliations
        ]}
        for p in profiles
    ])
    derive.refresh_affiliations(tx, sorted(p.id for p in profiles))
    readmodel.refresh(tx, researcher_ids=[p.id for p in profiles])
    return written
