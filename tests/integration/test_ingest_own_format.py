"""The project's own format (`kg ingest jsonl`): the documented record lands whole, wrong types are
rejected with the field's name, and the trending-paper feed loads through the converter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.census import census, edges
from testkit.datasets import HF_DAILY_PAPERS, ROOT
from tests.integration.kg_process import kg_env, run_kg

DOCUMENTED = {
    "id": "hf:2502.01234", "title": "A paper", "abstract": "An abstract.", "year": 2025,
    "date": "2025-02-03", "type": "preprint", "doi": "10.48550/arxiv.2502.01234",
    "cited_by_count": 0, "upvotes": 42, "organisation": "Meta AI",
    "source": {"id": "venue:neurips", "name": "NeurIPS", "type": "conference"},
    "categories": ["cs.LG"],
    "authors": [
        {"id": "A5023888391", "name": "Jane Doe", "orcid": "0000-0001-2345-6789",
         "affiliations": [{"id": "I47508984", "name": "Imperial College London",
                           "ror": "041kmwe10", "country": "GB", "type": "education"}]},
        {"name": "José M. Pérez-Soba", "affiliations": [{"name": "Universidad de Sevilla"}]},
    ],
    "topics": [{"name": "Machine learning", "score": 1.0}],
    "references": ["hf:2401.00001"],
}


def _write_lines(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_the_documented_record_lands_with_ids_made_from_names(graph: Graph, tmp_path: Path) -> None:
    cited = {"id": "hf:2401.00001", "title": "An earlier paper"}
    path = _write_lines(tmp_path / "papers.jsonl", [DOCUMENTED, cited])

    report = ingest_file(graph, path, FORMATS["jsonl"], 100, tmp_path / "rejects.jsonl")

    assert (report.written, report.rejected) == (2, 0)
    paper = graph.read("paper_properties", id="hf:2502.01234")[0]["props"]
    assert (paper["upvotes"], paper["organisation"], paper["date"]) == (42, "Meta AI", "2025-02-03")
    authors = {r["researcher_id"]: r["position"]
               for r in graph.read("paper_author_ids", id="hf:2502.01234")}
    assert authors == {"A5023888391": "first", "name:jose m perez soba": "last"}
    assert set(edges(graph)) == {
        ("CITES", "hf:2502.01234", "hf:2401.00001"),
        ("COAUTHOR", "A5023888391", "name:jose m perez soba"),
        ("AFFILIATED_WITH", "A5023888391", "I47508984"),
        ("AFFILIATED_WITH", "name:jose m perez soba", "inst:universidad de sevilla"),
        ("PARTNER", "I47508984", "inst:universidad de sevilla"),
    }
    counts = census(graph)
    assert (counts["topics:keyword"], counts["sources"]) == (1, 1)


def test_fields_of_the_wrong_type_are_rejected_with_their_name(
    graph: Graph, tmp_path: Path
) -> None:
    wrong = [
        {**DOCUMENTED, "year": "2025"},
        {**DOCUMENTED, "upvotes": 4.5},
        {**DOCUMENTED, "categories": "cs.LG"},
        {**DOCUMENTED, "authors": [{"name": "Jane Doe", "affiliations": "Imperial"}]},
        {**DOCUMENTED, "date": "3 Feb 2025"},
        {**DOCUMENTED, "topics": [{"name": "Machine learning", "level": "tag"}]},
        {**DOCUMENTED, "authors": [{"name": "..."}]},
        {key: value for key, value in DOCUMENTED.items() if key != "title"},
    ]
    path = _write_lines(tmp_path / "papers.jsonl", wrong)
    rejects_path = tmp_path / "rejects.jsonl"

    report = ingest_file(graph, path, FORMATS["jsonl"], 100, rejects_path)

    assert (report.written, report.rejected) == (0, len(wrong))
    reasons = [json.loads(line)["reason"] for line in rejects_path.read_text().splitlines()]
    assert reasons == [
        "field 'year' must be an integer, got str",
        "field 'upvotes' must be an integer, got float",
        "field 'categories' must be a list, got str",
        "field 'affiliations' must be a list, got str",
        "field 'date' '3 Feb 2025' is not a YYYY-MM-DD date",
        "topic level 'tag' is not one of domain, field, subfield, topic, keyword, category",
        "an author has neither 'id' nor a 'name' with letters",
        "field 'title' is missing",
    ]


def test_the_trending_paper_feed_loads_through_the_converter(
    graph: Graph, settings, tmp_path: Path
) -> None:
    converted = tmp_path / "hf-daily-papers.jsonl"
    subprocess.run([sys.executable, "-m", "testkit.converters.hf_daily_to_jsonl",
                    str(HF_DAILY_PAPERS), str(converted)], check=True, capture_output=True,
                   cwd=ROOT)

    result = run_kg(kg_env(settings, tmp_path / "state"), "ingest", "jsonl", str(converted))

    assert result.returncode == 0, result.stderr
    entries = [json.loads(line) for line in
               HF_DAILY_PAPERS.read_text(encoding="utf-8").splitlines()]
    assert census(graph)["papers"] == len({entry["title"] for entry in entries}) == 104
    records = {r["title"]: r for r in map(json.loads, converted.read_text().splitlines())}
    scaling = records["The Art of Scaling Reinforcement Learning Compute for LLMs"]
    meta = graph.read("paper_properties", id=scaling["id"])
    assert {k: meta[0]["props"][k] for k in ("upvotes", "organisation", "date", "published")} == {
        "upvotes": 2, "organisation": "facebook AI at Meta", "date": "2025-10-15",
        "published": "Oct 15, 2025"}
    undated = graph.read("paper_properties", id=records[
        "Teaching Thinking Models to Reason with Tools: A Full-Pipeline Recipe for "
        "Tool-Integrated Reasoning"]["id"])[0]["props"]
    assert (undated["published"], undated.get("date"), undated["listed_author_count"]) == (
        "May 6", None, 12)
    listed_twice = graph.read("paper_properties", id=records[
        "A Comprehensive Survey of Continual Learning: Theory, Method and Application"]["id"])
    assert listed_twice[0]["props"]["listings"] == [
        "001_966c8086506d1156.txt", "004_15153d67a06f7f1d.txt"]
