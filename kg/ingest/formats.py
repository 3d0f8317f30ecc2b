"""The formats `kg ingest` knows, by the name used on the command line."""

from __future__ import annotations

from typing import Any

from kg.ingest import arxiv, identity, openalex, openalex_authors, own_format, writer
from kg.ingest.pipeline import Format

FORMATS: dict[str, Format[Any]] = {
    "openalex": Format("openalex", openalex.parse_work, identity.write_openalex, writer.finish),
    "openalex-authors": Format("openalex-authors", openalex_authors.parse_author,
                               openalex_authors.write_profiles),
    "arxiv": Format("arxiv", arxiv.parse_record, arxiv.write_papers, writer.finish),
    "jsonl": Format("jsonl", own_format.parse_paper, own_format.write_papers, writer.finish),
}
