"""Execution plans of named queries, for tests that prove a per-node query starts from an index
seek rather than a label scan."""

from __future__ import annotations

from typing import Any

from kg.db.graph import Graph

INDEX_SEEKS = {"NodeUniqueIndexSeek", "NodeIndexSeek", "NodeIndexSeekByRange",
               "MultiNodeIndexSeek", "NodeUniqueIndexSeekByRange",
               "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek"}
# Whole-label or whole-type reads: never in a query a request runs.
LABEL_SCANS = {"AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan",
               "IntersectionNodeByLabelsScan", "DirectedRelationshipTypeScan",
               "UndirectedRelationshipTypeScan", "DirectedAllRelationshipsScan",
               "UndirectedAllRelationshipsScan", "DirectedUnionRelationshipTypesScan",
               "UndirectedUnionRelationshipTypesScan"}
# Reads of a whole index: allowed only in the listed whole-graph lists.
INDEX_SCANS = {"NodeIndexScan", "NodeIndexContainsScan", "NodeIndexEndsWithScan",
               "DirectedRelationshipIndexScan", "UndirectedRelationshipIndexScan"}
SCANS = LABEL_SCANS | INDEX_SCANS


def normalised(operator: str) -> str:
    """`NodeUniqueIndexSeek(Locking)@neo4j` -> `NodeUniqueIndexSeek`."""
    return operator.split("@")[0].removesuffix("(Locking)")


def plan_operators(graph: Graph, name: str, **params: Any) -> list[str]:
    """The operators of the PROFILEd plan of a named query, leaves first (the order in which
    rows start to flow: each operator after its children, left child first), without the
    `@neo4j` suffix."""
    query = graph.queries[name]
    query.check(params)
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        summary = session.run("PROFILE " + query.text, params).consume()
    operators: list[str] = []

    def visit(plan: dict[str, Any]) -> None:
        for child in plan.get("children", []):
            visit(child)
        operators.append(plan["operatorType"].split("@")[0])

    visit(summary.profile)
    return operators


def db_hits(graph: Graph, name: str, **params: Any) -> int:
    """The database hits of the PROFILEd plan of a named query, every operator summed."""
    query = graph.queries[name]
    query.check(params)
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        summary = session.run("PROFILE " + query.text, params).consume()

    def hits(plan: dict[str, Any]) -> int:
        return int(plan.get("dbHits", 0)) + sum(hits(child) for child in plan.get("children", []))

    return hits(summary.profile)
