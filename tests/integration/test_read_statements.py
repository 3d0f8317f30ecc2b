"""Reads as auto-commit statements in one READ session (`Graph.read_statements`, how the API runs a
round of reads): read-only, each failure its own, and BEGIN pipelined for read transactions."""

from __future__ import annotations

import pytest

from kg.db.graph import Graph
from kg.errors import Forbidden


def test_a_write_in_a_session_of_read_statements_is_refused(graph: Graph) -> None:
    before = graph.version()
    with pytest.raises(Forbidden):
        graph.read_statements(lambda tx: tx.run("admin/bump_graph_version"))
    assert graph.version() == before


def test_a_refused_statement_leaves_the_next_one_in_the_session_answered(graph: Graph) -> None:
    def work(tx) -> list:  # noqa: ANN001 - the named-query view of the session
        with pytest.raises(Forbidden):
            tx.run("admin/bump_graph_version")
        return tx.run("admin/ping")

    assert graph.read_statements(work) == [{"ok": 1}]


def test_a_session_of_read_statements_sees_the_write_just_committed(graph: Graph) -> None:
    def read(tx) -> str:  # noqa: ANN001
        return tx.run("admin/graph_version")[0]["version"]

    before = graph.read_statements(read)
    graph.write("admin/bump_graph_version")
    after = graph.read_statements(read)
    assert after != before and after == graph.version()


def test_a_read_transaction_with_several_queries_answers_each(graph: Graph) -> None:
    def work(tx) -> tuple:  # noqa: ANN001
        return tx.run("admin/ping"), tx.run("admin/ping")

    assert graph.read_transaction(work) == ([{"ok": 1}], [{"ok": 1}])
