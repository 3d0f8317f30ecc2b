"""The export writers without a database: property kinds widen to what holds every value, lists
become JSON text, characters XML cannot hold are dropped, and networkx reads the result."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import networkx as nx

from kg.export import CsvWriter, GraphMLWriter


def fill(writer: GraphMLWriter | CsvWriter) -> None:
    writer.node("W1", "Paper", {"id": "W1", "title": "Salt \x0btectonics <&> \"domes\"",
                                "year": 2020, "score": 1, "categories": ["a", "b"]})
    writer.node("W2", "Paper", {"id": "W2", "title": "Second", "year": 2021, "score": 0.5,
                                "is_retracted": True})
    writer.node("A1", "Researcher", {"id": "A1", "name": "Ada", "updated": dt.date(2024, 1, 2)})
    writer.edge("A1", "W1", "AUTHORED", {"position": "first"})
    writer.edge("W2", "W1", "CITES", {})
    writer.edge("W2", "W1", "CITES", {})


def test_graphml_reads_back_with_widened_kinds_and_clean_text(tmp_path: Path) -> None:
    writer = GraphMLWriter(tmp_path / "g.graphml")
    fill(writer)
    writer.finish()
    writer.discard()
    g = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert g.nodes["W1"]["title"] == 'Salt tectonics <&> "domes"'
    assert g.nodes["W1"]["score"] == 1.0 and g.nodes["W2"]["score"] == 0.5
    assert g.nodes["W1"]["year"] == 2020 and g.nodes["W2"]["is_retracted"] is True
    assert json.loads(g.nodes["W1"]["categories"]) == ["a", "b"]
    assert g.nodes["A1"] == {"label": "Researcher", "name": "Ada", "updated": "2024-01-02"}
    assert g.number_of_edges("W2", "W1") == 2
    assert g.edges["A1", "W1", 0] == {"type": "AUTHORED", "position": "first"}
    assert list(tmp_path.iterdir()) == [tmp_path / "g.graphml"]


def test_csv_has_a_column_for_every_property_seen(tmp_path: Path) -> None:
    writer = CsvWriter(tmp_path / "out")
    fill(writer)
    nodes_path, edges_path = writer.finish()
    writer.discard()
    with nodes_path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == ["id", "label", "categories", "is_retracted", "name", "score",
                             "title", "updated", "year"]
    assert [r["id"] for r in rows] == ["W1", "W2", "A1"]
    assert rows[1]["is_retracted"] == "true" and rows[0]["is_retracted"] == ""
    with edges_path.open(newline="", encoding="utf-8") as stream:
        edges = list(csv.DictReader(stream))
    assert [(e["source"], e["target"], e["type"]) for e in edges] == [
        ("A1", "W1", "AUTHORED"), ("W2", "W1", "CITES"), ("W2", "W1", "CITES")]
