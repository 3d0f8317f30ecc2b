"""A researcher's profile figures, read from the read model: stored on the Researcher node at
write time (kg/ingest/readmodel.py keeps them exact), one query per batch of researchers.

Definitions (also in docs/services.md):

* A work's citations are max(its source-reported `cited_by_count`, the CITES edges into it);
  `citations` sums them over the researcher's works; h-index and i10-index use the same figure.
* `topics` counts the distinct level-`topic` topics of the researcher's works; `followers` the
  users who follow them; `close_collaborators` the co-authors sharing at least
  `CLOSE_COLLABORATOR_MIN_WORKS` works.
* Novelty is the share of the researcher's works (all of them, 0.0 when there are none) that
  combine topics atypically. Over the N papers that have at least one level-`topic` topic, a pair
  of topics a, b with n_ab papers in common (CO_OCCURS.papers) and n_a, n_b papers each has
  NPMI = ln(n_ab N / (n_a n_b)) / -ln(n_ab / N), in [-1, 1]; 0 is independence, and a pair on
  every paper (n_ab = N) counts as 1. A work is novel when some pair of its level-`topic` topics
  has NPMI < `ATYPICAL_NPMI` (-0.1): the pair meets clearly less often than independence predicts.
  (On the idb03 set, 45% of the works with two or more topics hold a pair below independence and
  26% one below -0.1.)
* AI score (0-100) is round(100 * ai_works / works), 0 without works; a work is in AI when it has
  an arXiv category of `AI_CATEGORIES` or a topic under OpenAlex's subfield `AI_SUBFIELD`
  ("Artificial Intelligence").
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.db.graph import Graph, Row
from kg.errors import NotFound
from kg.nodes import ALL, ResearcherNode, Shown

ATYPICAL_NPMI = -0.1
AI_CATEGORIES = ("cs.AI", "cs.LG", "cs.CL", "cs.CV", "cs.NE", "stat.ML")
AI_SUBFIELD = "subfields/1702"


@dataclass(frozen=True)
class ResearcherMetrics:
    works: int
    citations: int
    h_index: int
    i10_index: int
    followers: int
    topics: int
    close_collaborators: int
    first_year: int | None
    last_year: int | None
    novel_works: int
    novelty: float
    ai_works: int
    ai_score: int


def researcher_metrics(graph: Graph, researcher_id: str) -> ResearcherMetrics:
    """The profile figures of one researcher; NotFound for an unknown id."""
    found = metrics_for(graph, [researcher_id])
    if researcher_id not in found:
        raise NotFound(f"no researcher with id {researcher_id!r}")
    return found[researcher_id]


def metrics_for(graph: Graph, researcher_ids: list[str]) -> dict[str, ResearcherMetrics]:
    """The profile figures of many researchers in one query (for DataLoaders); unknown ids are
    absent from the result."""
    rows = graph.read("metrics/researcher_metrics",
                      researcher_ids=list(dict.fromkeys(researcher_ids)))
    return {row["id"]: _metrics(row) for row in rows}


def researchers_with_metrics(graph: Graph, researcher_ids: list[str], shown: Shown = ALL
                             ) -> tuple[dict[str, ResearcherNode], dict[str, ResearcherMetrics]]:
    """The nodes of many researchers (as `nodes.researchers_by_ids`) and their profile figures
    (as `metrics_for`) in one query; unknown ids are absent from both."""
    rows = graph.read("nodes/researchers_with_metrics_by_ids",
                      ids=list(dict.fromkeys(researcher_ids)), shown=shown.parameter)
    both = [node_with_metrics(row) for row in rows]
    return {node.id: node for node, _ in both}, {node.id: figures for node, figures in both}


def node_with_metrics(row: Row) -> tuple[ResearcherNode, ResearcherMetrics]:
    """A row of nodes/researchers_with_metrics_by_ids (its figures in `metrics`) as the
    researcher's node and figures."""
    fields = dict(row)
    figures = _metrics(fields.pop("metrics"))
    return ResearcherNode.of_row(fields), figures


def _metrics(row: Row) -> ResearcherMetrics:
    return ResearcherMetrics(
        works=row["works"],
        citations=row["citations"],
        h_index=row["h_index"],
        i10_index=row["i10_index"],
        followers=row["followers"],
        topics=row["topics"],
        close_collaborators=row["close_collaborators"],
        first_year=row["first_year"],
        last_year=row["last_year"],
        novel_works=row["novel_works"],
        novelty=row["novelty"],
        ai_works=row["ai_works"],
        ai_score=row["ai_score"],
    )
