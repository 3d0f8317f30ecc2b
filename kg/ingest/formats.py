"""The formats `kg ingest` knows, by the name used on the command line."""

from __future__ import annotations

from typing import Any

from kg.ingest import openalex, writer
from kg.ingest.pipeline import Format

FORMATS: dict[str, Format[Any]] = {
    "openalex": Format("openalex", openalex.parse_work, writer.write_papers, writer.finish),
}
