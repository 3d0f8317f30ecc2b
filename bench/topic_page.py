"""The topic page's top papers on a large graph, one command:
`.venv/bin/python -m bench.topic_page [--home neo4j-bench-scale] [--topics 8] [--rounds 15]`.

On the graph `bench.scale --keep` left in `.kg/<home>` (started here, stopped at the end): for
`--topics` random leaf topics and the largest topic of each level, the top papers the topic page
shows (first 10) read from the stored ranking (topics/top_papers_of_topics) against the count
over the topic's subtree (topics/top_papers_counted): the answers must be equal; the PROFILE db
hits of each; then the warm p50 of each over the same topics, the two alternating in one
process. Last, the time to count every topic's stored ranking again (readmodel.store_top_papers,
what `kg derive --full` runs). Results go to stdout; docs/benchmarks.md quotes runs of this.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Any

from bench.scale import SEED
from kg import config
from kg.db.graph import Graph
from kg.ingest import readmodel
from kg.nodes import ALL
from testkit import database

STORED, COUNTED = "topics/top_papers_of_topics", "topics/top_papers_counted"
FIRST = 10


def db_hits(graph: Graph, name: str, **params: Any) -> int:
    """The database hits of the PROFILEd plan of a named query, every operator summed."""
    query = graph.queries[name]
    query.check(params)
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        plan = session.run("PROFILE " + query.text, params).consume().profile

    def hits(node: dict[str, Any]) -> int:
        return int(node.get("dbHits", 0)) + sum(hits(child) for child in node.get("children", []))

    return hits(plan)


def chosen_topics(graph: Graph, count: int) -> list[tuple[str, str, int]]:
    """`count` random leaf topics and the largest topic of each level: (id, level, papers)."""
    rows = graph.read("topics/map_of_graph", first=100000)
    leaves = sorted(row["id"] for row in rows)
    picked = random.Random(SEED).sample(leaves, min(count, len(leaves)))
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        largest = [r["id"] for r in session.run(
            "MATCH (t:Topic) WHERE t.level IN ['subfield', 'field', 'domain'] "
            "WITH t.level AS level, t ORDER BY COUNT { (t)<-[:SUBTOPIC_OF*1..3]-() } DESC, t.id "
            "RETURN level, head(collect(t.id)) AS id")]
        return [(r["id"], r["level"], r["papers"]) for r in session.run(
            "UNWIND $ids AS id MATCH (t:Topic {id: id}) "
            "RETURN t.id AS id, t.level AS level, COUNT { MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)"
            "<-[:HAS_TOPIC]-(p:Paper) RETURN DISTINCT p } AS papers",
            ids=picked + largest)]


def p50(graph: Graph, topic_ids: list[str], rounds: int) -> dict[str, float]:
    times: dict[str, list[float]] = {STORED: [], COUNTED: []}
    for _ in range(2):  # warm up
        for name in times:
            for topic_id in topic_ids:
                graph.read(name, topic_ids=[topic_id], first=FIRST, shown=ALL.parameter)
    for _ in range(rounds):
        for topic_id in topic_ids:
            for name in times:
                started = time.perf_counter()
                graph.read(name, topic_ids=[topic_id], first=FIRST, shown=ALL.parameter)
                times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", default="neo4j-bench-scale", help="server home in .kg/")
    parser.add_argument("--topics", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    args = parser.parse_args(argv)
    base = config.from_env({"NEO4J_HEAP": args.heap, "NEO4J_PAGECACHE": args.pagecache})
    settings = database.on_free_ports(base)
    with database.scratch_server(settings, base.state_dir / args.home, keep=True), \
            database.connect(settings) as graph:
        topics = chosen_topics(graph, args.topics)
        print(f"{'topic':<16} {'level':<9} {'papers':>8} {'stored hits':>12} "
              f"{'counted hits':>13}", flush=True)
        for topic_id, level, papers in topics:
            params = {"topic_ids": [topic_id], "first": FIRST, "shown": ALL.parameter}
            if graph.read(STORED, **params) != graph.read(COUNTED, **params):
                raise SystemExit(f"{topic_id}: the stored ranking differs from the count")
            print(f"{topic_id:<16} {level:<9} {papers:>8} "
                  f"{db_hits(graph, STORED, **params):>12} "
                  f"{db_hits(graph, COUNTED, **params):>13}", flush=True)
        leaves = [t for t, level, _ in topics if level == "topic"]
        for label, ids in (("leaf topics", leaves), ("largest of each level", [
                t for t, level, _ in topics if level != "topic"])):
            found = p50(graph, ids, args.rounds)
            print(f"p50 over {label}: stored {found[STORED] * 1e3:.1f}ms, counted "
                  f"{found[COUNTED] * 1e3:.1f}ms, ratio {found[COUNTED] / found[STORED]:.1f}x",
                  flush=True)
        topic_ids = [row["id"] for row in graph.read("derive/all_topic_ids")]
        started = time.perf_counter()
        readmodel.store_top_papers(graph, topic_ids)
        print(f"every topic's ranking counted again ({len(topic_ids)} topics): "
              f"{time.perf_counter() - started:.1f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
