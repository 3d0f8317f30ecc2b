"""Execution plans of named queries, for tests that prove a per-node query starts from an index
seek. Tests may use the driver directly; kg code never does."""

from __future__ import annotations

from typing import Any

from kg.graph import Graph

INDEX_SEEKS = {"NodeUniqueIndexSeek", "NodeIndexSeek"}
SCANS = {"AllNodesScan", "NodeByLabelScan", "NodeIndexScan", "NodeIndexContainsScan",
         "NodeIndexEndsWithScan", "DirectedRelationshipTypeScan",
         "UndirectedRelationshipTypeScan", "DirectedAllRelationshipsScan",
         "UndirectedAllRelationshipsScan"}


def plan_operators(graph: Graph, name: str, **params: Any) -> list[str]:
    """The operator names of the PROFILEd plan of a named query, depth first from the root
    (the `@neo4j` suffix of each name removed)."""
    query = graph.queries[name]
    query.check(params)
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        summary = session.run("PROFILE " + query.text, params).consume()
    operators: list[str] = []
    stack = [summary.profile]
    while stack:
        node = stack.pop()
        operators.append(node["operatorType"].split("@")[0])
        stack.extend(reversed(node.get("children", [])))
    return operators
