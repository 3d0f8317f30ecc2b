"""Every named query a request can run (testkit/api_queries.py, enumerated from the service
modules) starts from index seeks, the full-text procedure or the count store and expands from
there: no plan reads a whole label or relationship type. The whole-graph lists below read an
index in order instead, for the reason given."""

from __future__ import annotations

import pytest

from kg.db.graph import Graph
from testkit.api_queries import (
    API_QUERIES,
    NOT_RUN_BY_REQUESTS,
    Profiled,
    profile_api_queries,
    service_query_names,
)
from tests.plans import INDEX_SCANS, INDEX_SEEKS, LABEL_SCANS, normalised, plan_operators

WHOLE_GRAPH_LISTS = {
    "topics/trending": "trending topics of the whole graph: a range seek of the paper_year "
                       "index (papers since the year) joined to a seek of the topic_level index",
    "papers/trending_papers": "trending papers of the whole graph: the paper_trend index read in "
                              "order (stored votes, citations, date) and stopped after one page; "
                              "the total from the count store or a paper_date range seek",
    "topics/map_of_graph": "the topic map of the whole graph: the topic_level index (topics "
                           "of level 'topic', bounded by the taxonomy, not by the papers) ordered "
                           "by their stored paper counts",
}
NO_GRAPH_READ = {"admin/ping": "returns a constant"}
STARTS = INDEX_SEEKS | {"ProcedureCall", "NodeCountFromCountStore"}
_profiles: dict[str, Profiled] = {}


def _profile(graph: Graph, name: str) -> set[str]:
    if not _profiles:
        _profiles.update(profile_api_queries(graph))
    return {normalised(op) for op in _profiles[name].operators}


def test_every_query_the_services_name_is_profiled_or_listed_as_not_run_by_requests(
    idb03_graph: Graph
) -> None:
    named = service_query_names(idb03_graph)
    assert named == set(API_QUERIES) | set(NOT_RUN_BY_REQUESTS)
    assert not set(API_QUERIES) & set(NOT_RUN_BY_REQUESTS)


@pytest.mark.parametrize("name", sorted(API_QUERIES))
def test_no_query_a_request_runs_reads_a_whole_label_or_relationship_type(
    idb03_graph: Graph, name: str
) -> None:
    operators = _profile(idb03_graph, name)
    assert not operators & LABEL_SCANS, sorted(operators)
    if name in NO_GRAPH_READ:
        return
    assert operators & STARTS, sorted(operators)
    if name not in WHOLE_GRAPH_LISTS:
        assert not operators & INDEX_SCANS, sorted(operators)


@pytest.mark.parametrize("name", sorted(WHOLE_GRAPH_LISTS))
def test_whole_graph_lists_read_through_an_index(idb03_graph: Graph, name: str) -> None:
    operators = _profile(idb03_graph, name)
    assert operators & (INDEX_SEEKS | INDEX_SCANS), sorted(operators)
    assert not operators & LABEL_SCANS, sorted(operators)


def test_the_plan_of_a_per_node_query_does_not_depend_on_the_ids_given(
    idb03_graph: Graph
) -> None:
    """An unknown id gives the same kind of plan: seeks, no scans."""
    operators = {normalised(op) for op in plan_operators(
        idb03_graph, "metrics/researcher_metrics", researcher_ids=["A0000000000"])}
    assert "NodeUniqueIndexSeek" in operators and not operators & (LABEL_SCANS | INDEX_SCANS)
