"""`kg export`: GraphML and CSV that networkx reads back into the graph Neo4j holds (node and
edge counts by kind, ids, properties), a neighbourhood that equals networkx's ego graph of the
whole export, users never included, and one-line failures for what cannot be exported."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg import accounts
from kg.db.graph import Graph
from kg.errors import BadInput, NotFound
from kg.export import export
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.nodes import ALL
from testkit.census import census
from testkit.datasets import SAMPLE_WORKS

RESEARCHER = "A5103059223"


def whole_graph(idb03_graph: Graph, tmp_path: Path) -> nx.MultiDiGraph:
    report = export(idb03_graph, "graphml", tmp_path / "all.graphml", page=500)
    g = nx.read_graphml(tmp_path / "all.graphml", force_multigraph=True)
    assert (report.nodes, report.edges) == (g.number_of_nodes(), g.number_of_edges())
    return g


def test_graphml_of_the_whole_graph_reads_back_into_networkx_as_neo4j_holds_it(
        idb03_graph: Graph, tmp_path: Path) -> None:
    g = whole_graph(idb03_graph, tmp_path)
    counts = census(idb03_graph)
    labels = Counter(data["label"] for _, data in g.nodes(data=True))
    types = Counter(data["type"] for _, _, data in g.edges(data=True))
    assert labels["Paper"] == counts["papers"]
    assert labels["Researcher"] == counts["researchers"]
    assert labels["Institution"] == counts["institutions"]
    assert labels["Source"] == counts["sources"]
    assert labels["Topic"] == sum(n for what, n in counts.items() if what.startswith("topics:"))
    for kind in ("authored", "has_topic", "cites", "published_in", "subtopic_of",
                 "affiliated_with"):
        assert types[kind.upper()] == counts[kind], kind
    assert types["COAUTHOR"] == counts["coauthor_pairs"]

    authors = idb03_graph.read("papers/authors_of_papers", paper_ids=["W2181906270"],
                               shown=ALL.parameter)
    assert authors and all(g.has_edge(row["researcher_id"], "W2181906270") for row in authors)
    props = g.nodes["W2181906270"]
    assert isinstance(props["year"], int) and props["title"]
    coauthor = next(d for _, _, d in g.edges(data=True) if d["type"] == "COAUTHOR")
    assert isinstance(coauthor["works"], int) and isinstance(coauthor["weight"], float)


def test_around_a_researcher_is_networkx_ego_graph_of_the_whole_export(
        idb03_graph: Graph, tmp_path: Path) -> None:
    g = whole_graph(idb03_graph, tmp_path)
    for depth in (1, 2):
        out = tmp_path / f"around-{depth}.graphml"
        export(idb03_graph, "graphml", out, around=RESEARCHER, depth=depth, page=300)
        sub = nx.read_graphml(out, force_multigraph=True)
        ego = nx.ego_graph(nx.Graph(g), RESEARCHER, radius=depth)
        assert set(sub.nodes) == set(ego.nodes)
        assert sub.number_of_edges() == g.subgraph(ego.nodes).number_of_edges()


def test_csv_files_hold_the_same_graph_as_the_graphml(idb03_graph: Graph,
                                                      tmp_path: Path) -> None:
    export(idb03_graph, "graphml", tmp_path / "t.graphml", around="T10399", depth=1)
    report = export(idb03_graph, "csv", tmp_path / "csv", around="T10399", depth=1)
    assert [p.name for p in report.paths] == ["nodes.csv", "edges.csv"]
    with (tmp_path / "csv" / "nodes.csv").open(newline="", encoding="utf-8") as stream:
        nodes = {row["id"]: row for row in csv.DictReader(stream)}
    with (tmp_path / "csv" / "edges.csv").open(newline="", encoding="utf-8") as stream:
        edges = Counter((r["source"], r["target"], r["type"]) for r in csv.DictReader(stream))
    g = nx.read_graphml(tmp_path / "t.graphml", force_multigraph=True)
    assert set(nodes) == set(g.nodes)
    assert edges == Counter((s, t, d["type"]) for s, t, d in g.edges(data=True))
    assert nodes["T10399"]["label"] == "Topic" and nodes["T10399"]["name"]


def test_users_and_their_edges_are_never_exported(graph: Graph, tmp_path: Path) -> None:
    ingest_file(graph, SAMPLE_WORKS, FORMATS["openalex"], 1000, tmp_path / "rejects.jsonl")
    user, _ = accounts.create_user(graph, "ada@example.org", "Ada")
    accounts.follow(graph, user, "A5085007251")
    for around in (None, "A5085007251"):
        out = tmp_path / f"{around}.graphml"
        export(graph, "graphml", out, around=around)
        text = out.read_text(encoding="utf-8")
        assert user.id not in text and "ada@example.org" not in text and "FOLLOWS" not in text


def test_what_cannot_be_exported_is_refused_by_name(idb03_graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="W0"):
        export(idb03_graph, "graphml", tmp_path / "x.graphml", around="W0")
    with pytest.raises(BadInput, match="depth"):
        export(idb03_graph, "csv", tmp_path / "x", around=RESEARCHER, depth=9)
    with pytest.raises(BadInput, match="format"):
        export(idb03_graph, "gexf", tmp_path / "x.gexf")
    assert not (tmp_path / "x.graphml").exists()
