"""The idb03 OpenAlex works land exactly: figures from testkit/oracle.py, computed from the raw
file without the ingest code."""

from __future__ import annotations

import pytest

from kg.db.graph import Graph
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works


@pytest.fixture(scope="module")
def oracle() -> Oracle:
    return Oracle.from_works(load_works(IDB03_WORKS))


def test_idb03_lands_with_the_figures_of_the_raw_file(idb03_graph: Graph, oracle: Oracle) -> None:
    counts = {row["what"]: row["n"] for row in idb03_graph.read("graph_census")}
    assert counts["papers"] == len(oracle.paper_ids) == 2643
    assert counts["researchers"] == len(oracle.researcher_ids) == 3776
    assert counts["institutions_named_in_authorships"] == len(oracle.institution_ids) == 954
    assert counts["institutions"] == len(oracle.institution_ids_with_lineage) == 1086
    assert counts["topics:topic"] == len(oracle.topic_ids) == 456
    assert counts["topics:subfield"] == len(oracle.subfield_ids) == 120
    assert counts["topics:field"] == len(oracle.field_ids) == 25
    assert counts["topics:domain"] == len(oracle.domain_ids) == 4
    assert counts["sources"] == len(oracle.source_ids) == 485
    assert counts["cites"] == len(oracle.cites) == 6374
    assert counts["coauthor_pairs"] == len(oracle.coauthors) == 23318
    assert counts["cooccurs_pairs:topic"] == len(oracle.co_occurs) == 1300
