"""The loaders of one request, and the batch scheduler that gives the request one round trip per
level.

Every nested fetch goes through a loader, so a list of N items costs one query per level, not N.
The loaders of a request share one `Batcher`: loads (and root fields' service calls) that become
due while the request's resolvers run up to their next `await` are collected until the event
loop has had a few idle turns, then ALL of them run in ONE read session, each query an
auto-commit READ statement (no BEGIN or COMMIT), the queries of all of them pipelined
(kg/db/async_reads.py `AsyncReads.read_together`: the round's first queries go out together,
one Bolt round trip, awaited on the event loop, and so on for any second queries; without an
`AsyncReads`, as in the benchmarks' in-process calls, `Graph.read_together` on a worker thread).
A loader whose answers name other nodes (a page of
co-authors, a paper's authors) declares it (`then`): when its query carries those nodes they prime
the node loader as they are, otherwise they are read in the same round, so
`coauthors { edges { node } }` is one query, not two.

The services stay plain synchronous functions over a graph handle, shared with the CLI, the
benchmarks and the tests: a round runs them on the event loop as rehearsals up to their next
query (pure Python), and only the wait for Neo4j is awaited, on the async driver; a worker-thread
hop per round cost about half a millisecond (kg/db/async_reads.py).
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable, Hashable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from kg import (
    accounts,
    coauthorship,
    institutions,
    metrics,
    nodes,
    papers,
    sources,
    topics,
    trust,
)
from kg.db.async_reads import AsyncReads
from kg.db.graph import Graph
from kg.errors import GraphUnavailable, KgError, QueryTimeout
from kg.nodes import ALL, Shown

BatchFn = Callable[..., dict[Any, Any]]
JointFn = Callable[[Graph, list[Any]], tuple[dict[Any, Any], dict[Any, Any]]]

# The worker threads of the rounds run without an `AsyncReads`, and of the calls of a round whose
# batch broke its session (each then runs alone, on a session of its own): an executor's
# hand-off costs about half of anyio's `run_in_threadpool` (a capacity limiter, a cancel scope and
# a queue with a condition per call); as many threads as anyio's default limiter (the context is
# copied, as anyio does).
_ROUNDS = ThreadPoolExecutor(max_workers=40, thread_name_prefix="kg-round")

_MISSING = object()

# Turns of the event loop without a new load before a batch is sent: graphql-core starts the
# resolvers of one level over a few turns (each nested list and `await` adds one).
QUIET_TURNS = 3


@dataclass
class _Call:
    """One function of a round: `work(graph)` runs in the round's transaction; `settle` hands
    its value (or its KgError) back on the event loop."""

    work: Callable[[Graph], Any]
    settle: Callable[[Any, BaseException | None], None]


def _call_of(function: Callable[..., Any], args: tuple[Any, ...], then: Then | None = None
             ) -> tuple[_Call, asyncio.Future[Any]]:
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    skip = set(then.loader.asked()) if then else set()

    def work(graph: Graph) -> tuple[Any, dict[str, Any]]:
        value = function(graph, *args)
        return value, _named_nodes(then, graph, [value], skip)

    def settle(outcome: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
            return
        value, named = outcome
        if then is not None:
            for i, node in named.items():
                then.loader.prime(i, node)
        future.set_result(value)

    return _Call(work, settle), future


def _named_nodes(then: Then | None, graph: Graph, values: list[Any], skip: set[Hashable]
                 ) -> dict[str, Any]:
    """The nodes `then` says these values name: those the values carry, and the others read
    now (in the same transaction)."""
    if then is None:
        return {}
    present = [value for value in values if value is not None]
    named = list(dict.fromkeys(i for value in present for i in then.ids(value) if i not in skip))
    carried: dict[str, Any] = {}
    if then.carried is not None:
        for value in present:
            carried.update(then.carried(value))
    missing = [i for i in named if i not in carried]
    found = then.loader.fetch(graph, missing) if missing else {}
    return {i: carried[i] if i in carried else found.get(i) for i in named}


class Batcher:
    """Runs every read of one request that becomes due in the same turn in one transaction."""

    def __init__(self, graph: Graph, reads: AsyncReads | None = None) -> None:
        self.graph = graph
        self.reads = reads
        self._calls: list[_Call] = []
        self._riders: list[_Call] = []
        self._loaders: list[Loader] = []
        self._flush: asyncio.Task[None] | None = None

    def call(self, function: Callable[..., Any], *args: Any, then: Then | None = None
             ) -> asyncio.Future[Any]:
        """`function(graph, *args)` in the next round; a future of its value. With `then`, the
        nodes the value names are read in the same round."""
        call, future = _call_of(function, args, then)
        self._calls.append(call)
        self._schedule()
        return future

    def alongside(self, function: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
        """`function(graph, *args)` first in the next round that other reads start; never
        alone (a request refused before it reads anything reads nothing)."""
        call, future = _call_of(function, args)
        self._riders.append(call)
        return future

    def waiting(self, loader: Loader) -> None:
        self._loaders.append(loader)
        self._schedule()

    def _schedule(self) -> None:
        if self._flush is None:
            self._flush = asyncio.get_running_loop().create_task(self._run_round())

    async def _run_round(self) -> None:
        quiet, seen = 0, -1
        while quiet < QUIET_TURNS:
            await asyncio.sleep(0)
            now = len(self._calls) + len(self._loaders)
            quiet, seen = (quiet + 1, seen) if now == seen else (0, now)
        calls, loaders = self._riders + self._calls, self._loaders
        self._calls, self._riders, self._loaders, self._flush = [], [], [], None
        # a host takes its owner's keys, then a joint its partner's
        loaders.sort(key=lambda loader: (loader.hosted is None, loader.joint is None))
        calls += [call for loader in loaders for call in loader.take_calls()]
        outcomes = await self._in_one_session(calls)
        for call, (value, error) in zip(calls, outcomes, strict=True):
            call.settle(value, error)

    async def _in_one_session(self, calls: list[_Call]
                              ) -> list[tuple[Any, BaseException | None]]:
        # the calls' queries pipelined: a round whose calls each read one query (a profile: the
        # researcher with its figures, and its co-authors) is one round trip; a KgError is the
        # call's own; GraphUnavailable or QueryTimeout, which the round's other calls would
        # meet too, answers them all now
        works = [call.work for call in calls]
        loop = asyncio.get_running_loop()
        try:
            if self.reads is not None:
                return list(await self.reads.read_together(works))
            return list(await loop.run_in_executor(
                _ROUNDS, contextvars.copy_context().run, self.graph.read_together, works))
        except (GraphUnavailable, QueryTimeout) as exc:
            return [(None, exc)] * len(calls)
        except Exception:  # noqa: BLE001 - one call broke the session: give each its own
            return list(await asyncio.gather(*(
                loop.run_in_executor(_ROUNDS, contextvars.copy_context().run, self._alone, call)
                for call in calls)))

    def _alone(self, call: _Call) -> tuple[Any, BaseException | None]:
        try:
            return self.graph.read_statements(lambda tx: call.work(self.graph.within(tx))), None
        except Exception as exc:  # noqa: BLE001 - handed to the resolver that asked
            return None, exc


@dataclass(frozen=True)
class Then:
    """The nodes a loader's answers name, read in the same round: `ids(value)` go to `loader`.
    With `carried`, the nodes the answer already holds (`{id: node}`, read by the same query,
    so they cost no query of their own) prime `loader` as they are."""

    loader: Loader
    ids: Callable[[Any], Sequence[str]]
    carried: Callable[[Any], Mapping[str, Any]] | None = None


class Loader:
    """A DataLoader (load, load_many; answers cached for the request) whose batches run in the
    request's rounds. Keys are ids, or tuples (id, *options): ids that share options are fetched
    in one call of `fetch(graph, ids, *options)`; a missing id loads as None."""

    def __init__(self, batcher: Batcher, fetch: BatchFn, then: Then | None = None) -> None:
        self._batcher = batcher
        self.fetch = fetch
        self._then = then
        self._also: list[Then] = []
        self._answers: dict[Hashable, asyncio.Future[Any]] = {}
        # answers primed before anyone asked: a future is made only when one is loaded (a page
        # of papers primes hundreds of authors and topics; most are read straight from here)
        self._primed: dict[Hashable, Any] = {}
        self._queued: list[Hashable] = []
        self.joint: tuple[Loader, JointFn] | None = None
        self.hosted: tuple[Loader, BatchFn, bool] | None = None
        self.guest: tuple[Loader, Callable[[tuple[Hashable, ...]], bool]] | None = None

    def joins(self, partner: Loader, fetch_both: JointFn) -> None:
        """When a round asks this loader and `partner` for some of the same plain ids (queued,
        or as look-ahead `also` of one page), read both answers with ONE call of
        `fetch_both(graph, ids)` -> (this loader's answers, the partner's): a researcher's node
        and its figures, a paper's authors and topics. The nodes each side's `then` names
        are read (or taken as carried) as without the joint."""
        self.joint = (partner, fetch_both)

    def hosts(self, owner: Loader, fetch_with_owner: BatchFn, with_partner: bool) -> None:
        """When a round asks this loader for pages (id, *options) and `owner` (and, with
        `with_partner`, its joint partner) for the same plain ids, read the pages with
        `fetch_with_owner(graph, ids, *options)`, whose pages carry `page.owner` = (owner's
        answer[, the partner's]): one query for a researcher's node and a page of its
        co-authors or papers, or a topic's node and its adjacent topics. No page answers them
        as missing; a page without `owner` (a page of none of its papers) sends the keys to the
        next round, as does a failed read unless the graph itself failed."""
        self.hosted = (owner, fetch_with_owner, with_partner)

    def takes_in(self, guest: Loader, accepts: Callable[[tuple[Hashable, ...]], bool]) -> None:
        """When a round also asks `guest` for keys (id, *options) of ids whose pages this
        loader reads with their owner, and `accepts(options)`, the same query reads the guest's
        answers too: `fetch_with_owner(graph, ids, *options, guest=options)` (one set of
        options a round; keys with other options wait for their own call), whose pages carry
        the guest's answer last in `page.owner`: a topic's node, its adjacent topics and its
        top papers in one query. The nodes the guest's `then` finds carried prime its loader."""
        self.guest = (guest, accepts)

    def also(self, then: Then) -> None:
        """For the rest of the request, read what `then` names (and the nodes that names in
        turn) in the same transaction as this loader's answers: a look-ahead one level deeper,
        such as the authors and topics of a page of papers."""
        if then not in self._also:
            self._also.append(then)

    def load(self, key: Hashable) -> asyncio.Future[Any]:
        if key not in self._answers:
            future = self._answers[key] = asyncio.get_running_loop().create_future()
            if key in self._primed:
                future.set_result(self._primed[key])
                return future
            self._queued.append(key)
            if len(self._queued) == 1:
                self._batcher.waiting(self)
        return self._answers[key]

    async def load_many(self, keys: Sequence[Hashable]) -> list[Any]:
        primed = self._primed
        futures = {i: self.load(key) for i, key in enumerate(keys) if key not in primed}
        values = [primed.get(key) for key in keys]
        for i, future in futures.items():
            values[i] = await future
        return values

    def ready(self, key: Hashable) -> tuple[bool, Any]:
        """(True, the answer) when it is known now, without waiting; else (False, None)."""
        if key in self._primed:
            return True, self._primed[key]
        future = self._answers.get(key)
        if future is not None and future.done() and not future.cancelled() \
                and future.exception() is None:
            return True, future.result()
        return False, None

    def release(self) -> None:
        self._answers = {}
        self._primed = {}

    def asked(self) -> list[Hashable]:
        return [*self._answers, *(key for key in self._primed if key not in self._answers)]

    def prime(self, key: Hashable, value: Any) -> None:
        future = self._answers.get(key)
        if future is None:
            self._primed.setdefault(key, value)
        elif not future.done():
            future.set_result(value)

    def take_calls(self) -> list[_Call]:
        joint = self._joint_call()
        queued, self._queued = self._queued, []
        groups: dict[tuple[Hashable, ...], list[Hashable]] = {}
        for key in queued:
            options = key[1:] if isinstance(key, tuple) else ()
            groups.setdefault(options, []).append(key)
        return joint + [self._call(keys, options, self._take_owned(keys))
                        for options, keys in groups.items()]

    def _take_owned(self, keys: list[Hashable]) -> list[tuple[int, Loader, list[Hashable]]]:
        """(the side of `page.owner` that answers them, the loader, its keys): the keys of the
        owner (side 0) and of its joint partner (side 1) that these pages' query reads too,
        taken out of their queues."""
        if self.hosted is None:
            return []
        owner, _, with_partner = self.hosted
        ids = {key[0] if isinstance(key, tuple) else key for key in keys}
        taken = []
        partner = owner.joint[:1] if owner.joint and with_partner else ()
        for side, loader in enumerate((owner, *partner)):
            owned = [key for key in loader._queued if key in ids]
            if owned:
                loader._queued = [key for key in loader._queued if key not in ids]
                taken.append((side, loader, owned))
        if taken and self.guest is not None:
            guest, accepts = self.guest
            asked = [key for key in guest._queued if isinstance(key, tuple) and key[0] in ids]
            options = asked[0][1:] if asked else ()
            owned = [key for key in asked if key[1:] == options]
            if owned and accepts(options):
                read_here = set(owned)
                guest._queued = [key for key in guest._queued if key not in read_here]
                taken.append((-1, guest, owned))
        return taken

    def requeue(self, keys: list[Hashable]) -> None:
        if not self._queued:
            self._batcher.waiting(self)
        self._queued.extend(keys)

    def _joint_call(self) -> list[_Call]:
        if self.joint is None:
            return []
        partner, fetch_both = self.joint
        ours = [key for key in self._queued if not isinstance(key, tuple)]
        theirs = [key for key in partner._queued if key in set(ours)]
        if not theirs:
            return []
        self._queued = [key for key in self._queued if isinstance(key, tuple)]
        partner._queued = [key for key in partner._queued if key not in set(theirs)]
        sides = ((self, ours), (partner, theirs))
        skips = [set(loader._then.loader.asked()) if loader._then else set()
                 for loader, _ in sides]

        def work(graph: Graph) -> list[tuple[dict[Any, Any], dict[str, Any]]]:
            both = fetch_both(graph, ours)
            return [(found, _named_nodes(loader._then, graph, list(found.values()), skip))
                    for (loader, _), found, skip in zip(sides, both, skips, strict=True)]

        def settle(value: Any, error: BaseException | None) -> None:
            for i, (loader, keys) in enumerate(sides):
                found, named = value[i] if error is None else ({}, {})
                for key in keys:
                    _settle(loader._answers, key, error, found.get(key))
                if loader._then is not None:
                    for node_id, node in named.items():
                        loader._then.loader.prime(node_id, node)

        return [_Call(work, settle)]

    def _call(self, keys: list[Hashable], options: tuple[Hashable, ...],
              owned: list[tuple[int, Loader, list[Hashable]]]) -> _Call:
        ids = [key[0] if isinstance(key, tuple) else key for key in keys]
        then = self._then
        skip = set(then.loader.asked() if then else ())
        deeper = [(t, set(t.loader.asked()), set(t.loader._then.loader.asked())
                   if t.loader._then else set()) for t in self._also]
        fetch = self.hosted[1] if owned and self.hosted else self.fetch
        guest_options = next((keys[0][1:] for side, _, keys in owned if side == -1), None)
        if guest_options is not None:
            fetch = partial(fetch, guest=guest_options)

        def work(graph: Graph) -> tuple[dict[Any, Any], dict[str, Any], list[Any]]:
            found = fetch(graph, ids, *options)
            values = list(found.values())
            return found, _named_nodes(then, graph, values, skip), _deeper(graph, values, deeper)

        def settle(value: Any, error: BaseException | None) -> None:
            for side, loader, owned_keys in owned:
                if isinstance(error, GraphUnavailable | QueryTimeout):
                    for key in owned_keys:
                        _settle(loader._answers, key, error, None)
                    continue
                unread = []
                for key in owned_keys:
                    page_id = key[0] if side == -1 else key
                    page = None if error else value[0].get(page_id, _MISSING)
                    if page is _MISSING:
                        loader.prime(key, None)
                    elif page is None or page.owner is None:
                        unread.append(key)  # a failed read (a bad cursor), or an empty page
                    else:
                        loader.prime(key, page.owner[side])
                        if side == -1 and loader._then and loader._then.carried:
                            for node_id, node in loader._then.carried(page.owner[side]).items():
                                loader._then.loader.prime(node_id, node)
                if unread:
                    loader.requeue(unread)
            for key, i in zip(keys, ids, strict=True):
                _settle(self._answers, key, error, None if error else value[0].get(i))
            if error is None and then is not None:
                for i, node in value[1].items():
                    then.loader.prime(i, node)
            for loader, named in value[2] if error is None else ():
                for i, found in named.items():
                    loader.prime(i, found)

        return _Call(work, settle)


def _settle(answers: dict[Hashable, asyncio.Future[Any]], key: Hashable,
            error: BaseException | None, value: Any) -> None:
    """Give the awaiting resolver its answer or the round's error; a failed key is forgotten so
    that a later load asks again. A round that ends after its request answered (past the
    deadline) finds the answers released: nothing waits for them."""
    future = answers.get(key)
    if future is None or future.done():
        return
    if error is not None:
        del answers[key]
        future.set_exception(error)
    else:
        future.set_result(value)


def _deeper(graph: Graph, values: list[Any], deeper: list[tuple[Then, set[Hashable],
                                                                set[Hashable]]]
            ) -> list[tuple[Loader, dict[str, Any]]]:
    """The answers of `Loader.also`'s follow-ups and of their own `then`, to prime; a follow-up
    that fails is left to its resolvers (they load it in the next round, as without it)."""
    primed: list[tuple[Loader, dict[str, Any]]] = []
    joined = _joined(graph, values, deeper)
    for then, skip, inner_skip in deeper:
        try:
            named = joined[then.loader] if then.loader in joined else _named_nodes(
                then, graph, values, skip)
            named = {i: found for i, found in named.items() if i not in skip}
            inner = then.loader._then
            primed.append((then.loader, named))
            if inner is not None:
                primed.append((inner.loader, _named_nodes(inner, graph, list(named.values()),
                                                          inner_skip)))
        except KgError:
            continue
    return primed


def _joined(graph: Graph, values: list[Any], deeper: list[tuple[Then, set[Hashable],
                                                                set[Hashable]]]
            ) -> dict[Loader, dict[Any, Any]]:
    """The answers of follow-ups whose loaders are joint partners (`Loader.joins`) and name
    the same ids, read with one call each pair; a pair that fails is left to the loop."""
    loaders = {then.loader: then for then, _, _ in deeper}
    answers: dict[Loader, dict[Any, Any]] = {}
    for loader, then in loaders.items():
        if loader.joint is None or loader.joint[0] not in loaders or loader in answers:
            continue
        partner, fetch_both = loader.joint
        ids = list(dict.fromkeys(i for value in values if value is not None
                                 for i in then.ids(value)))
        if ids != list(dict.fromkeys(i for value in values if value is not None
                                     for i in loaders[partner].ids(value))):
            continue
        if _all_carried(then, values, ids) and _all_carried(loaders[partner], values, ids):
            continue  # the values hold both answers: nothing to read
        try:
            answers[loader], answers[partner] = fetch_both(graph, ids) if ids else ({}, {})
        except KgError:
            continue
    return answers


def _all_carried(then: Then, values: list[Any], ids: list[str]) -> bool:
    if then.carried is None:
        return False
    carried: set[str] = set()
    for value in values:
        if value is not None:
            carried.update(then.carried(value))
    return all(i in carried for i in ids)


class Loaders:
    """The request's loaders, each built on first use: a request uses a few of the forty (a
    profile three: the researcher, its figures, its co-authors); building all of them cost
    ~0.1 ms a request."""

    def __init__(self, batcher: Batcher) -> None:
        self._batcher = batcher
        # set by the look-ahead when a page's papers show their authors and topics: the page's
        # query then reads them too (papers.PaperPage)
        self.papers_with_authors_and_topics = False
        # the node fields the request's document selects (api/graphql/shown.py): every query
        # that builds paper, researcher or topic nodes reads those only
        self.shown: Shown = ALL

    def _loader(self, fetch: BatchFn, then: Then | None = None) -> Loader:
        return Loader(self._batcher, fetch, then)

    def _showing(self, fetch: Callable[..., Any]) -> BatchFn:
        """`fetch` reading the node fields the request shows (as they are when it runs)."""
        return lambda graph, ids, *options: fetch(graph, ids, *options, shown=self.shown)

    def release(self) -> None:
        """Drop every answer, once the request has answered. The loaders hold each other and
        this object (joints, bound methods), a cycle only the garbage collector frees, and with
        it everything they read: a profile's 100 co-authors and their nodes, ~700 objects a
        request. Released, those are freed at once, and the collector runs several times less
        often (its young-generation runs were 7-9% of a profile's or papers request's CPU)."""
        for loader in vars(self).values():
            if isinstance(loader, Loader):
                loader.release()

    @cached_property
    def paper(self) -> Loader:
        return self._loader(self._showing(nodes.papers_by_ids))

    @cached_property
    def researcher(self) -> Loader:
        researcher = self._loader(self._showing(nodes.researchers_by_ids))
        researcher.joins(self.metrics, self._showing(metrics.researchers_with_metrics))
        return researcher

    @cached_property
    def topic(self) -> Loader:
        return self._loader(self._showing(nodes.topics_by_ids))

    @cached_property
    def institution(self) -> Loader:
        return self._loader(nodes.institutions_by_ids)

    @cached_property
    def source(self) -> Loader:
        return self._loader(nodes.sources_by_ids)

    @cached_property
    def node_type(self) -> Loader:
        return self._loader(nodes.node_types)

    @cached_property
    def authors_of_paper(self) -> Loader:
        authors = self._loader(self._showing(papers.authors_of), Then(
            self.researcher, lambda authors: [a.researcher_id for a in authors],
            lambda authors: {a.researcher_id: a.node for a in authors if a.node}))
        authors.joins(self.topics_of_paper, self._showing(papers.authors_and_topics_of))
        return authors

    @cached_property
    def topics_of_paper(self) -> Loader:
        return self._loader(self._showing(papers.topics_of), Then(
            self.topic, lambda assigned: [t.topic_id for t in assigned],
            lambda assigned: {t.topic_id: t.node for t in assigned if t.node}))

    @cached_property
    def institutions_of_researcher(self) -> Loader:
        return self._loader(institutions.institutions_of, Then(
            self.institution, lambda affiliations: [a.institution_id for a in affiliations]))

    @cached_property
    def papers_of_researcher(self) -> Loader:
        papers_of = self._loader(self._papers_of, Then(
            self.paper, lambda page: page.items, lambda page: page.nodes))
        papers_of.hosts(self.researcher, partial(self._papers_of, with_owner=True),
                        with_partner=False)
        return papers_of

    @cached_property
    def metrics(self) -> Loader:
        return self._loader(metrics.metrics_for)

    @cached_property
    def coauthors(self) -> Loader:
        coauthors = self._loader(self._showing(coauthorship.coauthors_for), Then(
            self.researcher, lambda page: [c.id for c in page.items], _carried))
        coauthors.hosts(self.researcher, self._showing(
            partial(coauthorship.coauthors_for, with_owner=True)), with_partner=True)
        return coauthors

    @cached_property
    def close_collaborators(self) -> Loader:
        return self._loader(coauthorship.close_collaborators_for, Then(
            self.researcher, lambda close: [c.id for c in close]))

    @cached_property
    def suggested_collaborators(self) -> Loader:
        return self._loader(coauthorship.suggested_collaborators_for)

    @cached_property
    def topic_profile(self) -> Loader:
        return self._loader(topics.topic_profiles_for, Then(
            self.topic, lambda shares: [s.topic.id for s in shares]))

    @cached_property
    def topic_ancestors(self) -> Loader:
        return self._loader(topics.topic_ancestors_for)

    @cached_property
    def members_of_institution(self) -> Loader:
        return self._loader(institutions.members_of)

    @cached_property
    def topic_profile_of_institution(self) -> Loader:
        return self._loader(institutions.topic_profiles_of)

    @cached_property
    def children_of_institution(self) -> Loader:
        return self._loader(institutions.children_of)

    @cached_property
    def papers_of_source(self) -> Loader:
        return self._loader(sources.papers_of)

    @cached_property
    def top_researchers_of_source(self) -> Loader:
        return self._loader(sources.top_researchers_of)

    @cached_property
    def topic_profile_of_source(self) -> Loader:
        return self._loader(sources.topic_profiles_of)

    @cached_property
    def citations_of_paper(self) -> Loader:
        return self._loader(papers.citations_of)

    @cached_property
    def similar_papers(self) -> Loader:
        return self._loader(papers.similar_papers)

    @cached_property
    def citations_by_year_of_paper(self) -> Loader:
        return self._loader(papers.citations_by_year_of_papers)

    @cached_property
    def citations_by_year_of_researcher(self) -> Loader:
        return self._loader(papers.citations_by_year_of_researchers)

    @cached_property
    def members_of_topic(self) -> Loader:
        return self._loader(topics.members_of)

    @cached_property
    def listings(self) -> Loader:
        return self._loader(accounts.listings_of)

    @cached_property
    def claims_of_user(self) -> Loader:
        return self._loader(accounts.claims_of)

    @cached_property
    def invitations_of_user(self) -> Loader:
        return self._loader(accounts.invitations_of)

    @cached_property
    def topic_children(self) -> Loader:
        return self._loader(topics.topic_children_for, Then(self.topic, _ids))

    @cached_property
    def adjacent_topics(self) -> Loader:
        adjacent = self._loader(self._showing(topics.adjacent_topics_for), Then(
            self.topic, lambda page: [a.topic.id for a in page.items],
            lambda page: {a.topic.id: a.node for a in page.items if a.node}))
        adjacent.hosts(self.topic, self._adjacent_with_owner, with_partner=False)
        adjacent.takes_in(self.top_papers_of_topic, self._top_papers_fit)
        return adjacent

    def _adjacent_with_owner(self, graph: Graph, ids: list[str], *options: Any,
                             guest: tuple[Any, ...] = (0,)) -> dict[str, Any]:
        return topics.adjacent_topics_for(graph, ids, *options, shown=self.shown,
                                          with_owner=True, top_papers=guest[0])

    def _top_papers_fit(self, options: tuple[Hashable, ...]) -> bool:
        """A page of top papers the adjacent topics' query reads: from the stored ranking, of a
        size the service accepts (any other goes its own way, to its answer or its error)."""
        return 1 <= options[0] <= min(topics.TOP_TOPIC_PAPERS,
                                      self._batcher.graph.settings.max_page_size)

    @cached_property
    def top_papers_of_topic(self) -> Loader:
        return self._loader(self._showing(topics.top_papers_for),
                            Then(self.paper, _ids, _carried_of_list))

    @cached_property
    def top_researchers_of_topic(self) -> Loader:
        return self._loader(topics.top_researchers_for, Then(self.researcher, _ids))

    @cached_property
    def trust(self) -> Loader:
        return self._loader(trust_by_id)

    @cached_property
    def trust_explanation(self) -> Loader:
        return self._loader(trust.trust_explanations_for)

    @cached_property
    def user(self) -> Loader:
        return self._loader(users_by_token)

    def named_by(self, function: Callable[..., Any]) -> Then | None:
        """What a root or nested service call's answer names, which the resolver loads next
        (read in the same round); None for the other services."""
        if function is topics.adjacent_topics:
            return Then(self.topic, lambda page: [a.topic.id for a in page.items])
        if function is topics.topic_children:
            return Then(self.topic, _ids)
        if function is topics.top_papers:
            return Then(self.paper, _ids)
        if function is topics.top_researchers:
            return Then(self.researcher, _ids)
        if function is papers.trending_papers:
            return Then(self.paper, lambda page: page.items)
        return None

    def _papers_of(self, graph: Graph, ids: list[str], *options: Any, with_owner: bool = False
                   ) -> dict[str, Any]:
        return papers.papers_of(graph, ids, *options,
                                with_authors_and_topics=self.papers_with_authors_and_topics,
                                shown=self.shown, with_owner=with_owner)


def _ids(items: Sequence[Any]) -> list[str]:
    return [item.id for item in items]


def _carried(page: Any) -> dict[str, Any]:
    return _carried_of_list(page.items)


def _carried_of_list(items: Sequence[Any]) -> dict[str, Any]:
    """The nodes items hold (`item.node`, read by the items' own query), by the items' ids."""
    return {item.id: item.node for item in items if item.node is not None}


def trust_by_id(graph: Graph, ids: list[str]) -> dict[str, Any]:
    return {t.researcher_id: t for t in trust.trust_for(graph, ids) if t is not None}


def users_by_token(graph: Graph, tokens: list[str]) -> dict[str, Any]:
    return {token: accounts.user_for_token(graph, token) for token in tokens}
