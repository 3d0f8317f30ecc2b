"""Derived edges (COAUTHOR, AFFILIATED_WITH, CO_OCCURS): refreshed for the nodes an ingest
touched, inside the ingest's own transaction, or rebuilt in full by `kg derive --full`. Both
paths run the same queries, so an incremental refresh always equals a full re-derivation.
`kg derive --full` then rebuilds every stored figure of the read model (readmodel.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from kg.db.graph import Graph, Transaction
from kg.ingest import readmodel

COAUTHOR_MAX_AUTHORS = 200
FULL_CHUNK = 2000


def refresh(tx: Transaction, researcher_ids: list[str], topic_ids: list[str]) -> None:
    """Re-derive every derived edge of these researchers and topics."""
    if researcher_ids:
        tx.run("derive/delete_coauthors_of", researcher_ids=researcher_ids)
        tx.run("derive/coauthors_of", researcher_ids=researcher_ids,
               max_authors=COAUTHOR_MAX_AUTHORS)
        tx.run("derive/delete_affiliations_of", researcher_ids=researcher_ids)
        tx.run("derive/affiliations_of", researcher_ids=researcher_ids)
    if topic_ids:
        tx.run("derive/delete_cooccurrence_of", topic_ids=topic_ids)
        tx.run("derive/cooccurrence_of", topic_ids=topic_ids)


def rebuild_all(graph: Graph, progress: Callable[[int, int], None] | None = None) -> float:
    """Delete every derived edge and derive them again from the facts, then every stored figure;
    returns seconds taken. `progress(done, total)` hears of each node (researcher or topic)
    re-derived."""
    started = time.perf_counter()
    while graph.write("derive/delete_all", limit=50000)[0]["deleted"]:
        pass
    researcher_ids = [row["id"] for row in graph.read("derive/all_researcher_ids")]
    topic_ids = [row["id"] for row in graph.read("derive/all_topic_ids")]
    total, done = len(researcher_ids) + len(topic_ids), 0
    for start in range(0, len(researcher_ids), FULL_CHUNK):
        chunk = researcher_ids[start:start + FULL_CHUNK]
        graph.write_transaction(lambda tx, ids=chunk: refresh(tx, ids, []))
        done += len(chunk)
        if progress:
            progress(done, total)
    for start in range(0, len(topic_ids), FULL_CHUNK):
        chunk = topic_ids[start:start + FULL_CHUNK]
        graph.write_transaction(lambda tx, ids=chunk: refresh(tx, [], ids))
        done += len(chunk)
        if progress:
            progress(done, total)
    readmodel.rebuild_all(graph, topic_ids, researcher_ids)
    return time.perf_counter() - started
