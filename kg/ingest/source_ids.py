"""The keys a paper's source ids are compared by (one paper per work, identity.py): arXiv ids
without version, lower case, in any of the forms they are written in; DOIs lower case."""

from __future__ import annotations

import re

OPENALEX = "openalex"  # the formats, as a Paper's `sources` names them
ARXIV = "arxiv"
ARXIV_PREFIX = "arxiv:"
ARXIV_DOI_PREFIX = "10.48550/arxiv."
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z-]+(\.[a-z]{2})?/\d{7})(v\d+)?", re.IGNORECASE)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([^?#]+?)(?:\.pdf)?/?$", re.IGNORECASE)


def arxiv_id_of(value: str) -> str | None:
    """The arXiv id (lower case, no version) in an id, DOI or arxiv.org URL, or None."""
    value = value.strip()
    lowered = value.lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "doi:"):
        if lowered.startswith(prefix):
            lowered = lowered[len(prefix):]
    if lowered.startswith(ARXIV_DOI_PREFIX):
        candidate = lowered[len(ARXIV_DOI_PREFIX):]
    elif lowered.startswith(ARXIV_PREFIX):
        candidate = lowered[len(ARXIV_PREFIX):]
    else:
        url = _ARXIV_URL.search(lowered)
        candidate = url.group(1) if url else lowered
    match = _ARXIV_ID.fullmatch(candidate)
    return match.group(1).lower() if match else None


def arxiv_key(arxiv_id: str) -> str:
    return ARXIV_PREFIX + arxiv_id.lower()


def doi_keys(doi: str | None) -> list[str]:
    """The keys of one normalised DOI: arXiv's DOI is the arXiv id's key, any other `doi:...`."""
    if not doi:
        return []
    arxiv_id = arxiv_id_of(doi) if doi.startswith(ARXIV_DOI_PREFIX) else None
    return [arxiv_key(arxiv_id)] if arxiv_id else ["doi:" + doi]


def lookup_of(value: str) -> dict[str, list[str]]:
    """What an id given to `paper(id:)` may be: a node id, a DOI (any case, URL or not) or an
    arXiv id (bare, `arxiv:`, URL or arXiv DOI), as the parameters of the lookup query."""
    value = value.strip()
    doi = value.lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "http://dx.doi.org/", "doi:"):
        if doi.startswith(prefix):
            doi = doi[len(prefix):]
    arxiv_id = arxiv_id_of(value)
    return {"dois": [doi] if doi.startswith("10.") else [],
            "arxiv_ids": [arxiv_id] if arxiv_id else []}
