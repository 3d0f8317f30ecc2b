"""Every per-node query of the topic, search and neighbourhood services starts from an index
seek (or the full-text procedure), never from a label scan."""

from __future__ import annotations

import pytest

from kg.db.graph import Graph
from kg.neighbourhood import NODE_TYPES
from tests.plans import INDEX_SEEKS, SCANS, plan_operators

PER_NODE_QUERIES = {
    "topics/adjacent": {"topic_id": "T10399", "papers_with_topics": 2600, "after": None,
                       "first": 10},
    "topics/ancestors": {"topic_ids": ["T10399"]},
    "topics/children": {"topic_id": "subfields/1907"},
    "topics/by_id": {"topic_ids": ["T10399"]},
    "topics/profiles": {"researcher_ids": ["A5040147688"], "level": "subfield", "first": 10},
    "topics/top_papers": {"topic_id": "T10399", "first": 10},
    "topics/top_researchers": {"topic_id": "T10399", "first": 10},
    "topics/map_of_researcher": {"researcher_id": "A5040147688", "first": 40},
    "topics/map_details": {"topic_ids": ["T10399", "T11278"], "papers_with_topics": 2600},
    "explore/neighbourhood": {"id": "A5040147688", "depth": 2, "types": list(NODE_TYPES),
                              "cap": 25},
}


@pytest.mark.parametrize("name", sorted(PER_NODE_QUERIES))
def test_per_node_query_starts_from_an_index_seek(idb03_graph: Graph, name: str) -> None:
    operators = plan_operators(idb03_graph, name, **PER_NODE_QUERIES[name])
    assert not set(operators) & SCANS, operators
    assert set(operators) & INDEX_SEEKS, operators


def test_trending_topics_reads_papers_through_an_index_not_a_label_scan(
    idb03_graph: Graph
) -> None:
    """A list over the whole graph, not a per-node query: the planner may seek or scan the year
    or level index, depending on statistics, but never scans a whole label."""
    operators = plan_operators(idb03_graph, "topics/trending", since_year=2020, level="topic",
                               first=10)
    assert not set(operators) & {"AllNodesScan", "NodeByLabelScan"}, operators
    assert set(operators) & (INDEX_SEEKS | {"NodeIndexScan"}), operators


def test_graph_topic_map_reads_topics_through_the_level_index_not_a_label_scan(
    idb03_graph: Graph
) -> None:
    operators = plan_operators(idb03_graph, "topics/map_of_graph", first=40)
    assert not set(operators) & {"AllNodesScan", "NodeByLabelScan"}, operators
    assert set(operators) & (INDEX_SEEKS | {"NodeIndexScan"}), operators


def test_search_starts_from_the_fulltext_procedure(idb03_graph: Graph) -> None:
    operators = plan_operators(idb03_graph, "explore/search_text", query="basin",
                               types=["PAPER", "RESEARCHER", "TOPIC", "INSTITUTION"], first=10)
    assert "ProcedureCall" in operators
    assert not set(operators) & SCANS, operators
