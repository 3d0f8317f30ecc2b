"""The bundled sample (`data/sample/works.jsonl.gz`, loaded by `./dev up`) lands whole."""

from __future__ import annotations

from pathlib import Path

from kg.config import Settings
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.oracle import Oracle, load_works

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample" / "works.jsonl.gz"


def test_bundled_sample_ingests_with_zero_rejects(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    oracle = Oracle.from_works(load_works(SAMPLE))
    report = ingest_file(graph, SAMPLE, FORMATS["openalex"], settings.batch_size,
                         tmp_path / "rejects.jsonl")
    assert (report.read, report.written, report.rejected) == (290, 290, 0)
    assert not (tmp_path / "rejects.jsonl").exists()
    counts = {row["what"]: row["n"] for row in graph.read("graph_census")}
    assert counts["papers"] == len(oracle.paper_ids) == 290
    assert counts["researchers"] == len(oracle.researcher_ids)
    assert counts["cites"] == len(oracle.cites)
    assert counts["coauthor_pairs"] == len(oracle.coauthors)
