"""Closing a graph while a round still runs on another thread (the API's shutdown after a request
stopped at its deadline): the close waits for the round instead of breaking its connection."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from kg.config import Settings
from kg.db.graph import Graph

SLOW_COUNT = "UNWIND range(1, 4000000) AS x RETURN count(x) AS n"


def _holding_a_session(graph: Graph, work: Callable[[], None]) -> threading.Thread:
    """`work` started on a thread of its own, returned once it holds a session of `graph`."""
    thread = threading.Thread(target=work)
    thread.start()
    deadline = time.monotonic() + 30
    while graph.sessions_in_use == 0 and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.001)
    return thread


def test_closing_the_graph_waits_for_the_round_still_running(settings: Settings) -> None:
    graph = Graph(settings)
    outcome: dict[str, Any] = {}

    def read() -> None:
        try:
            outcome["rows"] = graph.run_read_only(SLOW_COUNT, {}, timeout=60, row_cap=1,
                                                  byte_cap=1_000)[1]
        except BaseException as error:  # noqa: BLE001 - the test reports whatever the round met
            outcome["error"] = error

    thread = _holding_a_session(graph, read)
    assert graph.sessions_in_use == 1
    graph.close()
    assert not thread.is_alive()
    thread.join()
    assert "error" not in outcome, repr(outcome.get("error"))
    assert outcome["rows"] == [{"n": 4_000_000}]


def test_closing_the_graph_waits_no_longer_than_its_patience(settings: Settings) -> None:
    graph = Graph(settings)
    parked = threading.Event()
    outcome: dict[str, Any] = {}

    def held() -> None:  # a session in use that sends nothing while the graph closes
        try:
            graph.read_transaction(lambda tx: parked.wait(60))
        except BaseException as error:  # noqa: BLE001 - its commit meets the closed driver
            outcome["error"] = error

    thread = _holding_a_session(graph, held)
    started = time.monotonic()
    graph.close(patience=0.05)
    assert time.monotonic() - started < 5
    assert graph.sessions_in_use == 1
    parked.set()
    thread.join(60)
    assert not thread.is_alive()
