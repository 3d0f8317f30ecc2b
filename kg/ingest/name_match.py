"""Researchers known only by name (arXiv authors, own-format authors without an `id`), and the
one rule by which such an author is taken to be a researcher already in the graph.

The rule (docs/formats.md): when a record carries a DOI that a paper already in the graph
carries too, an author of the record whose name key equals the name key of exactly one author
of that paper is that researcher. Anyone else keeps the identity `name:<name key>` and is never
merged, whatever their name: two people who share a name are not thereby one person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg.db.graph import Transaction
from kg.ingest.records import AuthorshipRecord, PaperRecord, ResearcherRecord, name_key

NAME_PREFIX = "name:"


def named_researcher(name: str) -> ResearcherRecord | None:
    """A researcher known only by this name, or None when the name has no letters or digits."""
    key = name_key(name)
    return ResearcherRecord(id=NAME_PREFIX + key, name=name.strip()) if key else None


def normalised_doi(doi: str) -> str:
    """DOIs are compared and stored lower case, without a URL prefix."""
    doi = doi.strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "http://dx.doi.org/", "doi:"):
        if doi.startswith(prefix):
            return doi[len(prefix):]
    return doi


def resolve_named_authors(
    tx: Transaction,
    papers: list[PaperRecord],
    dois_of: Callable[[PaperRecord], list[str]],
) -> list[PaperRecord]:
    """The papers with every name-only author that the rule matches replaced by the researcher
    already in the graph (written without a name, so the known name and ORCID are kept)."""
    dois = sorted({doi for paper in papers for doi in dois_of(paper)})
    if not dois:
        return papers
    known: dict[str, dict[str, set[str]]] = {}
    for row in tx.run("ingest/authors_of_papers_with_dois", dois=dois):
        known.setdefault(row["doi"], {}).setdefault(row["name_key"], set()).add(
            row["researcher_id"])
    return [_resolved(paper, [known.get(doi, {}) for doi in dois_of(paper)]) for paper in papers]


def _resolved(paper: PaperRecord, candidates: list[dict[str, set[str]]]) -> PaperRecord:
    by_key: dict[str, set[str]] = {}
    for found in candidates:
        for key, ids in found.items():
            by_key.setdefault(key, set()).update(ids)
    if not by_key:
        return paper
    return replace(paper, authorships=tuple(_matched(a, by_key) for a in paper.authorships))


def _matched(authorship: AuthorshipRecord, by_key: dict[str, set[str]]) -> AuthorshipRecord:
    researcher_id = authorship.researcher.id
    if not researcher_id.startswith(NAME_PREFIX):
        return authorship
    ids = by_key.get(researcher_id[len(NAME_PREFIX):], set())
    if len(ids) != 1:
        return authorship
    return replace(authorship, researcher=ResearcherRecord(id=next(iter(ids)), name=None))
