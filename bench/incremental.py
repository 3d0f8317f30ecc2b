"""The incremental-ingest benchmark, one command:
`.venv/bin/python -m bench.incremental [--works 20000] [--batch 2000] [--batch-size 1000]
[--heap 1g] [--pagecache 1g]`.

On a Neo4j of its own (`.kg/neo4j-bench-incremental`, wiped first), `--works` generated works
(bench/scale.py's files, seed fixed) are loaded by `--bulk`, then `--batch` further works of the
same generation (they share researchers, topics and institutions with the loaded ones) go through
the transactional path three times, each timed:

  1. new works: derived edges moved by the deltas of what each batch changed (kg/ingest/derive.py);
  2. the same file again: nothing changed, so nothing is rewritten and nothing moves (each
     Paper's record digest; idempotent);
  3. the first `--baseline` works of the file again through the baseline, the writer as it was
     before deltas: every derived edge of every researcher and topic the batch touches re-derived
     from all their papers (`derive.recount`, what each batch used to run), so a hub's whole
     neighbourhood is recounted (a slice: the whole file takes too long that way).

With `--profile`, one batch of the new works is first written with every named query PROFILEd
and rolled back: each query's dbHits and time; then the PARTNER moves of that batch run
alternately as they are (a seek of the edge's key) and as they were before keys (a MERGE), each
rolled back: the ratio at the same moment. Each run also prints where its time went: the ten
named queries that took longest, in total; and how many papers each batch re-decided for novelty
(its own, the holders of small topics and pairs it moved, the band: kg/ingest/novelty.py, or a
re-basing) against the papers a scan re-decides (every paper with a topic pair). After 1 and
after 3, every derived edge of the graph is compared with the same edges computed in Python from
both files by bulk_csv (no Neo4j): count and an order-free digest must be equal.
Results go to stdout; docs/benchmarks.md quotes runs of this.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.batch_timing import timed_batches
from bench.database import WORK_DIR
from bench.scale import bulk_load, digest, generated, graph_derived, head, python_derived
from kg import config
from kg.db.graph import Graph, Transaction
from kg.ingest import derive, identity, novelty, serial, writer
from kg.ingest.formats import FORMATS
from kg.ingest.lines import BadLine, read_records
from kg.ingest.openalex import parse_work
from kg.ingest.pipeline import Format, ingest_file
from kg.ingest.records import PaperRecord
from testkit import database


def recounting_write(graph: Graph, papers: list[PaperRecord]) -> int:
    """The baseline writer: the batch as today, then the recount every batch used to run."""
    def work(tx) -> int:
        written = writer.write_in(tx, papers)
        researchers = sorted({a.researcher.id for p in papers for a in p.authorships})
        topics = sorted({t.topic.id for p in papers for t in p.topics})
        derive.recount(tx, researchers, topics)
        return written
    return serial.write_transaction(graph, work)


RECOUNTING = Format("openalex-recount", parse_work, recounting_write, writer.finish)


class _RolledBack(Exception):
    """Raised at the end of a profiled batch so its transaction is rolled back."""


def _db_hits(plan: dict[str, Any]) -> int:
    return plan.get("dbHits", 0) + sum(_db_hits(child) for child in plan.get("children", []))


def profile_batch(graph: Graph, path: Path, size: int) -> None:
    """Write the first `size` works of `path` as one batch with every named query PROFILEd, in a
    transaction that is rolled back; print each query's time and dbHits, most hits first."""
    papers = [parse_work(line.record) for line in itertools.islice(read_records(path), size)
              if not isinstance(line, BadLine) and line.record]
    hits: Counter[str] = Counter()
    spent: Counter[str] = Counter()
    original = Transaction.run

    def run(self: Transaction, name: str, /, **params: Any) -> Any:
        query = self._graph.queries[name]
        query.check(params)
        started = time.perf_counter()
        result = self._tx.run("PROFILE " + query.text, params)
        rows = [record.data() for record in result]
        hits[name] += _db_hits(result.consume().profile)
        spent[name] += time.perf_counter() - started
        return rows

    def work(tx: Transaction) -> None:
        identity.write_openalex_in(tx, papers)
        raise _RolledBack

    Transaction.run = run  # type: ignore[method-assign]
    try:
        serial.write_transaction(graph, work)
    except _RolledBack:
        pass
    finally:
        Transaction.run = original  # type: ignore[method-assign]
    print(f"one batch of {len(papers)} new works, PROFILEd and rolled back: "
          f"{sum(hits.values())} dbHits, {sum(spent.values()):.1f}s", flush=True)
    for name, count in hits.most_common():
        print(f"  {name}: {count} dbHits, {spent[name]:.2f}s", flush=True)


MERGED_PAIR_MOVES = {  # the pair moves before keys: a MERGE, an expansion of one end's edges
    "derive/move_partners": ("MATCH (a:Institution {id: row.a}), (b:Institution {id: row.b})\n"
                             "MERGE (a)-[c:PARTNER]->(b)\n"),
}


def _merged(text: str, name: str) -> str:
    """The query as it was before keys: its keyed lookup replaced by the MERGE it replaced."""
    head, _, rest = text.partition("OPTIONAL MATCH ()-[found:")
    _, _, tail = rest.partition("WITH row, coalesce(found, created) AS c\nWHERE c IS NOT NULL\n")
    if not tail:
        raise ValueError(f"{name} has no keyed lookup to replace")
    return head + MERGED_PAIR_MOVES[name] + tail


def compare_pair_moves(graph: Graph, path: Path, size: int, rounds: int = 3) -> None:
    """The PARTNER moves of the first `size` works of `path` (new to the graph), keyed seek vs
    the MERGE before keys, each in a transaction rolled back, alternating `rounds` times; prints
    the median seconds of each and their ratio."""
    papers = [parse_work(line.record) for line in itertools.islice(read_records(path), size)
              if not isinstance(line, BadLine) and line.record]
    facts = [writer._facts(paper) for paper in {p.id: p for p in papers}.values()]
    partners: Counter[tuple[str, str]] = Counter()
    for fact in facts:
        partners.update(itertools.combinations(sorted(fact.partners()), 2))
    params = {
        "derive/move_partners": {
            "pairs": [{"a": a, "b": b, "works": n} for (a, b), n in sorted(partners.items())]},
    }
    for name, values in params.items():
        keyed = graph.queries[name].text
        texts = {"keyed seek": keyed, "MERGE": _merged(keyed, name)}
        took: dict[str, list[float]] = {kind: [] for kind in texts}
        for _ in range(rounds):
            for kind, text in texts.items():
                with graph.driver.session(database=graph.settings.neo4j_database) as session:
                    tx = session.begin_transaction()
                    started = time.perf_counter()
                    tx.run(text, values).consume()
                    took[kind].append(time.perf_counter() - started)
                    tx.rollback()
        keyed_s, merged_s = (sorted(took[k])[rounds // 2] for k in ("keyed seek", "MERGE"))
        print(f"  {name}, {len(values['pairs'])} pairs of {len(papers)} new works: keyed seek "
              f"{keyed_s:.2f}s, MERGE {merged_s:.2f}s (medians of {rounds}, alternating, rolled "
              f"back): {merged_s / keyed_s:.1f}x", flush=True)


def parsing(fmt: Format[Any], phases: Counter[str]) -> Format[Any]:
    """`fmt` with its parse timed into phases["parse"]."""
    def parse(record: dict[str, Any]) -> Any:
        started = time.perf_counter()
        try:
            return fmt.parse(record)
        finally:
            phases["parse"] += time.perf_counter() - started

    return dataclasses.replace(fmt, parse=parse)


def novelty_flips(graph: Graph) -> tuple[int, int]:
    """Every paper with a topic pair re-decided from scratch: (papers, flags that changed); 0
    changes when the per-batch re-decision kept novelty exact."""
    ids = novelty.candidates(graph)
    return len(ids), novelty.redecide(graph, ids)


@contextmanager
def novelty_decisions() -> Iterator[list[str]]:
    """What each batch re-decided for novelty, one line per batch or re-basing."""
    lines: list[str] = []
    after_batch, rebase = novelty.after_batch, novelty.rebase

    def counted_after_batch(tx: Transaction, before: Any, after: Any) -> novelty.Decision:
        decision = after_batch(tx, before, after)
        lines.append("re-basing asked" if decision.band is None else
                     f"own {decision.own} + holders {decision.holders} + band {decision.band}"
                     f" = {decision.own + decision.holders + decision.band}: margins kept"
                     f" {decision.decided.kept}, moved {decision.decided.moved}")
        return decision

    def counted_rebase(graph: Graph) -> int:
        papers = rebase(graph)
        lines.append(f"re-basing: {papers}")
        return papers

    novelty.after_batch, novelty.rebase = counted_after_batch, counted_rebase
    try:
        yield lines
    finally:
        novelty.after_batch, novelty.rebase = after_batch, rebase


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=2_000)
    parser.add_argument("--baseline", type=int, default=300,
                        help="works of the batch re-ingested through the recount baseline")
    parser.add_argument("--profile", action="store_true",
                        help="first PROFILE one batch of the new works (rolled back)")
    parser.add_argument("--batch-size", type=int, default=config.Settings().batch_size,
                        help="works per write transaction (KG_BATCH_SIZE)")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pagecache", default="1g")
    args = parser.parse_args(argv)
    base_path, batch_path = generated(args.works, args.batch)
    base = config.from_env({"NEO4J_HEAP": args.heap, "NEO4J_PAGECACHE": args.pagecache,
                            "KG_BATCH_SIZE": str(args.batch_size)})
    settings = database.on_free_ports(base)
    print(f"Neo4j at {settings.neo4j_uri}: heap {settings.neo4j_heap}, page cache "
          f"{settings.neo4j_pagecache}; batches of {settings.batch_size}", flush=True)
    with database.scratch_server(settings, base.state_dir / "neo4j-bench-incremental") as server:
        bulk_load(settings, server, base_path)
        expected = digest(python_derived([base_path, batch_path], settings.batch_size,
                                         WORK_DIR / "incremental-expected"))
        with database.connect(settings) as graph:
            if args.profile:
                profile_batch(graph, batch_path, settings.batch_size)
                compare_pair_moves(graph, batch_path, settings.batch_size)
            rates = {}
            for run, fmt, path in (
                    ("deltas, new works", FORMATS["openalex"], batch_path),
                    ("deltas, same file again", FORMATS["openalex"], batch_path),
                    ("recount baseline, same works again", RECOUNTING,
                     head(batch_path, args.baseline))):
                with timed_batches() as (spent, phases), novelty_decisions() as decided:
                    started = time.perf_counter()
                    report = ingest_file(graph, path, parsing(fmt, phases), settings.batch_size,
                                         WORK_DIR / "incremental-batch.rejects.jsonl")
                    seconds = time.perf_counter() - started
                rates[run] = report.written / seconds
                print(f"{run}: {report.written} works in {seconds:.1f}s "
                      f"({rates[run]:.1f} works/s), rejected {report.rejected}", flush=True)
                scan = len(graph.read("readmodel/novelty_candidates"))
                print(f"  novelty re-decided per batch: {'; '.join(decided) or 'nothing'} "
                      f"(a scan: {scan} papers per file)", flush=True)
                print("  slowest queries: " + ", ".join(
                    f"{name} {took:.1f}s" for name, took in spent.most_common(10)), flush=True)
                batches = -(-report.read // settings.batch_size)
                queries = sum(spent.values())
                python = phases["in transaction"] - phases["queries in transaction"]
                commit = phases["write transaction"] - phases["in transaction"]
                rest = (seconds - phases["parse"] - phases["write transaction"]
                        - (queries - phases["queries in transaction"]))
                print(f"  per batch of {settings.batch_size}: named queries "
                      f"{queries / batches:.2f}s, the rest {(seconds - queries) / batches:.2f}s: "
                      f"parse {phases['parse'] / batches:.2f}s, Python in the write "
                      f"transactions {python / batches:.2f}s, BEGIN + commit (and the graph "
                      f"version) {commit / batches:.2f}s, reading lines and the rest "
                      f"{rest / batches:.2f}s", flush=True)
                if run != "deltas, same file again":
                    found = digest(graph_derived(graph))
                    print(f"  derived edges: {found[0]} in the graph, {expected[0]} computed "
                          f"apart; {'EQUAL' if found == expected else 'DIFFERENT'}", flush=True)
                    papers, flips = novelty_flips(graph)
                    print(f"  novelty: {papers} papers re-decided from scratch, {flips} flags "
                          f"changed; {'EXACT' if not flips else 'NOT EXACT'}", flush=True)
            ratio = rates["deltas, new works"] / rates["recount baseline, same works again"]
            print(f"deltas (new works) / recount baseline, works/s: {ratio:.1f}x", flush=True)
            print(f"unchanged re-ingest: {rates['deltas, same file again']:.1f} works/s, "
                  f"{rates['deltas, same file again'] / rates['deltas, new works']:.1f}x the new "
                  "works", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
