"""Co-authorship and metrics on a small hand-made graph: the cases idb03 does not hold (a solo
author, followers, in-graph citations above the reported count)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import accounts
from kg.coauthorship import (
    coauthors_of,
    collaboration_path,
    suggested_collaborators,
)
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.metrics import researcher_metrics
from kg.paging import Page


def _work(work_id: str, authors: list[str], year: int, cited_by: int, refs: list[str]) -> dict:
    return {
        "id": f"https://openalex.org/{work_id}",
        "title": f"Paper {work_id}",
        "publication_year": year,
        "cited_by_count": cited_by,
        "referenced_works": [f"https://openalex.org/{r}" for r in refs],
        "authorships": [{"author": {"id": f"https://openalex.org/{a}", "display_name": a}}
                        for a in authors],
    }


@pytest.fixture
def small_graph(graph: Graph, settings, tmp_path: Path) -> Graph:
    works = [
        _work("W1", ["A1"], 2019, 0, []),
        _work("W2", ["A2", "A3"], 2021, 12, ["W1"]),
        _work("W3", ["A3"], 2022, 1, ["W1", "W2"]),
    ]
    path = tmp_path / "works.jsonl"
    path.write_text("".join(json.dumps(w) + "\n" for w in works))
    report = ingest_file(graph, path, FORMATS["openalex"], settings.batch_size,
                         tmp_path / "rejects.jsonl")
    assert report.rejected == 0
    for email in ("u1@example.org", "u2@example.org"):
        user, _ = accounts.create_user(graph, email, None)
        accounts.follow(graph, user, "A1")
    return graph


def test_a_solo_author_has_no_coauthors_path_or_suggestions(small_graph: Graph) -> None:
    assert coauthors_of(small_graph, "A1") == Page([], [], 0, False)
    assert collaboration_path(small_graph, "A1", "A2") is None
    assert suggested_collaborators(small_graph, "A1") == ()


def test_metrics_count_followers_and_in_graph_citations_above_the_reported(
    small_graph: Graph,
) -> None:
    solo = researcher_metrics(small_graph, "A1")
    assert (solo.works, solo.citations, solo.h_index, solo.followers) == (1, 2, 1, 2)
    assert (solo.first_year, solo.last_year, solo.novelty, solo.topics) == (2019, 2019, 0.0, 0)
    prolific = researcher_metrics(small_graph, "A3")
    assert (prolific.works, prolific.citations, prolific.h_index, prolific.i10_index) == (
        2, 13, 1, 1)
    assert (prolific.followers, prolific.close_collaborators) == (0, 0)
