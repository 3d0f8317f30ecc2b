"""Institutions of researchers (from the derived AFFILIATED_WITH edges)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.db.graph import Graph


@dataclass(frozen=True)
class Affiliation:
    institution_id: str
    works: int
    first_year: int | None
    last_year: int | None


def institutions_of(graph: Graph, researcher_ids: list[str]) -> dict[str, list[Affiliation]]:
    """Each researcher's institutions, most works first."""
    found: dict[str, list[Affiliation]] = {rid: [] for rid in researcher_ids}
    for row in graph.read("nodes/institutions_of_researchers", researcher_ids=researcher_ids):
        found[row.pop("researcher_id")].append(Affiliation(**row))
    return found
