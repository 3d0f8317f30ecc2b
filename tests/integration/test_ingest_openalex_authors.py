"""OpenAlex Author profiles enrich researchers (ORCID, alternative names) and list affiliations
with years, from which AFFILIATED_WITH is re-derived in the same transaction."""

from __future__ import annotations

import json
from pathlib import Path

from kg.db.graph import Graph
from kg.ingest import derive
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.census import DERIVED, census, edges
from testkit.datasets import IDB03_AUTHORS, IDB03_WORKS
from testkit.oracle import load_works, work_author_ids

MICHAEL = "A5002041459"


def _ingest(graph: Graph, fmt: str, path: Path, tmp_path: Path) -> None:
    report = ingest_file(graph, path, FORMATS[fmt], 20, tmp_path / f"{fmt}.rejects.jsonl")
    assert report.rejected == 0 and report.written == report.read


def test_profiles_add_orcid_alternative_names_and_listed_affiliations_with_years(
    graph: Graph, tmp_path: Path
) -> None:
    works = [w for w in load_works(IDB03_WORKS) if MICHAEL in work_author_ids(w)]
    works_path = tmp_path / "works.jsonl"
    works_path.write_text("".join(json.dumps(w) + "\n" for w in works), encoding="utf-8")
    _ingest(graph, "openalex", works_path, tmp_path)

    _ingest(graph, "openalex-authors", IDB03_AUTHORS, tmp_path)

    researcher = graph.read("researcher_properties", id=MICHAEL)[0]["props"]
    assert researcher["orcid"] == "0000-0002-6113-9589"
    assert researcher["name"] == "Nikolaos A. Michael"
    assert researcher["alt_names"] == [
        "Michael, Nikolaos A.", "Nikolaos A. Michael", "Nikolaos Michael"]
    listed = {r["institution_id"]: r["years"]
              for r in graph.read("listed_affiliations_of", id=MICHAEL)}
    assert listed == {"I4210143841": [2014, 2015, 2017, 2021, 2025, 2026],
                      "I47508984": [2014], "I62856769": [2021]}
    affiliations = edges(graph, ("AFFILIATED_WITH",))
    assert affiliations[("AFFILIATED_WITH", MICHAEL, "I62856769")]["last_year"] >= 2021
    assert census(graph)["researchers"] >= 58


def test_affiliations_after_profiles_equal_a_full_rederivation_and_reingest_adds_nothing(
    graph: Graph, tmp_path: Path
) -> None:
    works = [w for w in load_works(IDB03_WORKS) if MICHAEL in work_author_ids(w)]
    works_path = tmp_path / "works.jsonl"
    works_path.write_text("".join(json.dumps(w) + "\n" for w in works), encoding="utf-8")
    _ingest(graph, "openalex", works_path, tmp_path)
    _ingest(graph, "openalex-authors", IDB03_AUTHORS, tmp_path)
    after_ingest, counts = edges(graph, DERIVED), census(graph)

    _ingest(graph, "openalex-authors", IDB03_AUTHORS, tmp_path)
    assert (edges(graph, DERIVED), census(graph)) == (after_ingest, counts)

    derive.rebuild_all(graph)
    assert edges(graph, DERIVED) == after_ingest
