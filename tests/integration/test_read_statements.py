"""Reads as auto-commit statements in one READ session (`Graph.read_statements`, how the API runs a
round of reads): read-only, each failure its own, and BEGIN pipelined for read transactions.
Works read together (`Graph.read_together` on the calling thread, `AsyncReads.read_together`
awaited on an event loop, how the API runs a round) cost one round trip a batch, either way."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from kg.db.async_reads import AsyncReads
from kg.db.graph import Graph
from kg.errors import Forbidden
from kg.nodes import ALL


def _awaited(graph: Graph, works: Sequence[Callable[[Graph], Any]]) -> list[Any]:
    async def main() -> list[Any]:
        reads = AsyncReads(graph)
        try:
            return await reads.read_together(works)
        finally:
            await reads.close()
    return asyncio.run(main())


def _threaded(graph: Graph, works: Sequence[Callable[[Graph], Any]]) -> list[Any]:
    return graph.read_together(works)


TOGETHER = pytest.mark.parametrize("together", [_threaded, _awaited], ids=["sync", "async"])


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


def test_queries_sent_together_answer_each_in_one_round_trip(graph: Graph) -> None:
    version = graph.version()
    before = graph.round_trips
    answers = graph.read_statements(lambda tx: tx.run_many(
        [("admin/ping", {}), ("admin/graph_version", {}), ("admin/ping", {})]))
    assert answers == [[{"ok": 1}], [{"version": version}], [{"ok": 1}]]
    assert graph.round_trips - before == 1


def test_a_refused_query_ends_its_batch_and_the_session_answers_the_next(graph: Graph) -> None:
    def work(tx) -> tuple:  # noqa: ANN001
        batch = tx.run_many([("admin/ping", {}), ("admin/bump_graph_version", {}),
                             ("admin/ping", {})])
        return batch, tx.run("admin/ping")

    (first, refused, *rest), after = graph.read_statements(work)
    assert first == [{"ok": 1}] and isinstance(refused, Forbidden) and rest == []
    assert after == [{"ok": 1}]


@TOGETHER
def test_works_read_together_cost_one_round_trip_per_query_in_a_row(graph: Graph,
                                                                     together: Any) -> None:
    version = graph.version()
    works = [lambda g: g.read("admin/ping"), lambda g: g.version(),
             lambda g: (g.read("admin/ping"), g.version()),
             lambda g: g.read("admin/bump_graph_version")]
    before = graph.round_trips, graph.queries_run, graph.transactions_run
    outcomes = together(graph, works)
    assert outcomes[:3] == [([{"ok": 1}], None), (version, None), (([{"ok": 1}], version), None)]
    assert outcomes[3][0] is None and isinstance(outcomes[3][1], Forbidden)
    # the four first queries in one batch, the third work's second query in another
    after = graph.round_trips, graph.queries_run, graph.transactions_run
    assert [a - b for a, b in zip(after, before, strict=True)] == [2, 5, 1]


@TOGETHER
def test_works_after_a_refused_query_are_answered_in_the_next_batch(graph: Graph,
                                                                    together: Any) -> None:
    before = graph.round_trips
    outcomes = together(graph, [lambda g: g.read("admin/bump_graph_version"),
                                lambda g: g.read("admin/ping")])
    assert isinstance(outcomes[0][1], Forbidden) and outcomes[1] == ([{"ok": 1}], None)
    assert graph.round_trips - before == 2


@TOGETHER
def test_a_work_that_asks_otherwise_when_run_again_is_answered_live(graph: Graph,
                                                                   together: Any) -> None:
    asked = iter(range(10))

    def work(g: Graph) -> list:
        return g.read("admin/ping") + g.read("nodes/researchers_by_ids", ids=[f"A{next(asked)}"],
                                                shown=ALL.parameter)

    before = graph.queries_run
    assert together(graph, [work]) == [([{"ok": 1}], None)]
    # the rehearsal asked for A0, the next run for A1: that run went to the session as it is
    assert graph.queries_run - before == 4


def test_awaited_reads_see_the_write_just_committed(graph: Graph) -> None:
    def version(g: Graph) -> str | None:
        return g.version()

    before = _awaited(graph, [version])[0][0]
    graph.write("admin/bump_graph_version")
    after = _awaited(graph, [version])[0][0]
    assert after != before and after == graph.version()


def test_a_write_among_awaited_reads_is_refused_and_changes_nothing(graph: Graph) -> None:
    before = graph.version()
    (value, error), = _awaited(graph, [lambda g: g.read("admin/bump_graph_version")])
    assert value is None and isinstance(error, Forbidden)
    assert graph.version() == before


def test_the_awaited_version_is_the_graphs_version_after_a_write(graph: Graph) -> None:
    async def version() -> str | None:
        reads = AsyncReads(graph)
        try:
            return await reads.version()
        finally:
            await reads.close()

    graph.write("admin/bump_graph_version")
    assert asyncio.run(version()) == graph.version() is not None
