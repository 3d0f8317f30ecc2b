"""Past the depth-2 edge budget (KG_NEIGHBOURHOOD_EXACT_EDGES), the neighbourhood of a hub reads
no edge of its kept depth-1 nodes toward a type already full at depth 1: PROFILEd on a generated
graph whose hub's kept nodes have more such edges than the budget, against the same request
counted exactly."""

from __future__ import annotations

import dataclasses

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.neighbourhood import neighbourhood
from kg.vocabulary import NODE_TYPES
from testkit import generator
from tests.plans import db_hits

CAP = 25
BUDGET = 200


def test_past_the_budget_the_hubs_depth_two_reads_no_edge_toward_its_full_types(
        graph: Graph, tmp_path) -> None:
    works = tmp_path / "works.jsonl.gz"
    generator.write(works, 3000, seed=11)
    report = ingest_file(graph, works, FORMATS["openalex"], 1000, tmp_path / "rejects.jsonl")
    assert report.rejected == 0
    hub = graph.read("most_coauthored_researcher")[0]["id"]
    counted = neighbourhood(graph, hub, depth=2, limit_per_type=CAP)
    settings = dataclasses.replace(graph.settings, neighbourhood_exact_edges=BUDGET)
    with Graph(settings, graph.queries) as tight:
        bounded = neighbourhood(tight, hub, depth=2, limit_per_type=CAP)
    assert bounded.nodes == counted.nodes and bounded.edges == counted.edges

    full = [t.type for t in bounded.truncated if not t.exact]
    assert "RESEARCHER" in full and "PAPER" in full, "a hub fills both at depth 1"
    exact = {t.type: t.remaining for t in counted.truncated}
    for cut in bounded.truncated:
        assert cut.remaining <= exact[cut.type] <= cut.remaining_at_most
    near = sorted({e.source if e.target == hub else e.target for e in counted.edges
                   if hub in (e.source, e.target)})
    skipped = graph.read("edges_toward_kinds", ids=near, kinds=full)[0]["edges"]
    assert skipped > BUDGET * len(full)

    params = {"id": hub, "types": list(NODE_TYPES), "cap": CAP}
    exactly = db_hits(graph, "explore/neighbourhood", **params, exact_edges=10**9)
    within = db_hits(graph, "explore/neighbourhood", **params, exact_edges=BUDGET)
    assert exactly - within >= skipped, (exactly, within, skipped)
