"""A loader's primed answers (nodes a page's query carried) are answered without a read and
without a future until someone loads them; a load already waiting is answered by a prime; a
key nobody primed is read in the next round, as before."""

from __future__ import annotations

import asyncio
from typing import Any

from api.graphql.loaders import Batcher, Loaders
from kg.db.graph import Graph

CARRIED = {"id": "A-carried", "name": "Carried Person"}


def _run(graph: Graph, work: Any) -> Any:
    async def main() -> Any:
        return await work(Loaders(Batcher(graph)))
    return asyncio.run(main())


def test_a_primed_answer_is_loaded_without_a_read(graph: Graph) -> None:
    async def work(loaders: Loaders) -> tuple[Any, ...]:
        loaders.researcher.prime("A-carried", CARRIED)
        before = graph.queries_run
        ready = loaders.researcher.ready("A-carried")
        one = await loaders.researcher.load("A-carried")
        many = await loaders.researcher.load_many(["A-carried", "A-carried"])
        return ready, one, many, graph.queries_run - before

    ready, one, many, queries = _run(graph, work)
    assert ready == (True, CARRIED)
    assert one == CARRIED and many == [CARRIED, CARRIED]
    assert queries == 0


def test_the_first_prime_of_a_key_is_kept(graph: Graph) -> None:
    async def work(loaders: Loaders) -> Any:
        loaders.researcher.prime("A-carried", CARRIED)
        loaders.researcher.prime("A-carried", {"id": "A-carried", "name": "Later"})
        return await loaders.researcher.load("A-carried")

    assert _run(graph, work) == CARRIED


def test_a_waiting_load_is_answered_by_a_prime_and_keeps_that_answer(graph: Graph) -> None:
    async def work(loaders: Loaders) -> tuple[Any, ...]:
        waiting = loaders.researcher.load("A-carried")
        loaders.researcher.prime("A-carried", CARRIED)
        answered_at_once = waiting.done()
        other = await loaders.researcher.load("A-missing")  # the same round has run by now
        return answered_at_once, await waiting, other

    answered_at_once, value, other = _run(graph, work)
    assert answered_at_once and value == CARRIED
    assert other is None  # not in the graph: read, and None


def test_a_key_nobody_primed_is_not_ready_until_its_round_has_read_it(graph: Graph) -> None:
    async def work(loaders: Loaders) -> tuple[Any, ...]:
        before_ready = loaders.researcher.ready("A-missing")
        before = graph.queries_run
        loaded = await loaders.researcher.load_many(["A-missing"])
        return before_ready, loaded, graph.queries_run - before, loaders.researcher.ready(
            "A-missing")

    before_ready, loaded, queries, after_ready = _run(graph, work)
    assert before_ready == (False, None)
    assert loaded == [None] and queries == 1
    assert after_ready == (True, None)


def test_released_loaders_hold_no_answer_and_a_round_ending_later_settles_nothing(
        graph: Graph) -> None:
    async def work(loaders: Loaders) -> tuple[Any, ...]:
        loaders.researcher.prime("A-carried", CARRIED)
        loaded = await loaders.researcher.load("A-carried")
        late = loaders.researcher.load("A-missing")  # queued: its round runs after the release
        loaders.release()
        released = (loaders.researcher.ready("A-carried"), loaders.researcher.asked())
        await asyncio.sleep(0.5)  # the round reads and settles into the released loader
        again = await loaders.researcher.load("A-carried")  # a later load reads afresh
        return loaded, late.done(), released, again

    loaded, late_done, released, again = _run(graph, work)
    assert loaded == CARRIED
    assert released == ((False, None), [])
    assert not late_done  # nobody waits for it: the request has answered
    assert again is None  # not in the graph (it was only primed)
