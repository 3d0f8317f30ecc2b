"""The networkx side of bench/services.py: the graph exported from the database once, and the
answers of the per-node services computed from it in Python, for a like-for-like comparison.

The co-author graph is projected from AUTHORED (not read from the derived COAUTHOR edges), topic
co-occurrence is counted from HAS_TOPIC, node weights and citation figures are computed once at
build time (the database computes them per query). Rules follow docs/services.md; where the
networkx answer is not meant to be identical (search ranking) it says so.

Bench-only Cypher lives here rather than in queries/ (it is not part of the product).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, LiteralString

import networkx as nx

# networkx's pure-Python PageRank (the public nx.pagerank needs scipy, not a dependency here);
# tests/integration/test_trust.py uses the same one.
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from kg.db.graph import Graph

EXPORT_NODES: LiteralString = """
MATCH (n:Paper|Researcher|Topic|Institution|Source)
RETURN n.id AS id,
       CASE WHEN n:Paper THEN 'PAPER' WHEN n:Researcher THEN 'RESEARCHER'
            WHEN n:Topic THEN 'TOPIC' WHEN n:Institution THEN 'INSTITUTION'
            ELSE 'SOURCE' END AS kind,
       coalesce(n.title, n.name, n.id) AS label, n.year AS year,
       coalesce(n.cited_by_count, 0) AS cited_by_count, n.level AS level,
       coalesce(n.verification_level, 0) AS verification_level
"""
EXPORT_EDGES: LiteralString = """
MATCH (a)-[r:AUTHORED|AFFILIATED_WITH|HAS_TOPIC|CITES|PUBLISHED_IN|PART_OF|SUBTOPIC_OF]->(b)
RETURN a.id AS source, b.id AS target, type(r) AS type, r.works AS works, r.score AS score
"""
EDGE_TYPES_SHOWN = ("AUTHORED", "COAUTHOR", "AFFILIATED_WITH", "HAS_TOPIC", "CO_OCCURS", "CITES",
                    "PUBLISHED_IN", "PART_OF", "SUBTOPIC_OF")
HIERARCHY = ("SUBTOPIC_OF", "PART_OF")
AFFILIATION_WEIGHT = 0.25  # kg/trust.py
ATYPICAL_NPMI = -0.1  # kg/metrics.py
CLOSE_MIN_WORKS = 2  # kg/coauthorship.py
WORD = re.compile(r"\w+")


def export(graph: Graph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every node and every fact edge (plus AFFILIATED_WITH), in one read transaction each."""
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        nodes = session.execute_read(lambda tx: [r.data() for r in tx.run(EXPORT_NODES)])
        edges = session.execute_read(lambda tx: [r.data() for r in tx.run(EXPORT_EDGES)])
    return nodes, edges


@dataclass
class NxGraph:
    kind: dict[str, str]
    label: dict[str, str]
    year: dict[str, int | None]
    citations: dict[str, int]
    topic_level: dict[str, str | None]
    level: dict[str, int]
    papers_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    topics_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    coauthors: nx.Graph = field(default_factory=nx.Graph)  # works, first_year, last_year
    cooccurs: nx.Graph = field(default_factory=nx.Graph)  # papers
    topic_papers: Counter[str] = field(default_factory=Counter)
    topical_papers: int = 0
    everything: nx.Graph = field(default_factory=nx.Graph)  # every shown edge type, strength
    weight: dict[str, int] = field(default_factory=dict)
    walk: nx.Graph = field(default_factory=nx.Graph)
    words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def build(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> NxGraph:
    g = NxGraph(
        kind={n["id"]: n["kind"] for n in nodes},
        label={n["id"]: n["label"] for n in nodes},
        year={n["id"]: n["year"] for n in nodes},
        citations={n["id"]: n["cited_by_count"] for n in nodes if n["kind"] == "PAPER"},
        topic_level={n["id"]: n["level"] for n in nodes if n["kind"] == "TOPIC"},
        level={n["id"]: n["verification_level"] for n in nodes if n["kind"] == "RESEARCHER"},
    )
    g.walk.add_nodes_from(n for n, k in g.kind.items() if k in ("RESEARCHER", "INSTITUTION"))
    cited_in: Counter[str] = Counter()
    parent: dict[str, str] = {}
    for e in edges:
        s, t, kind = e["source"], e["target"], e["type"]
        if kind == "AUTHORED":
            g.papers_of[s].add(t)
        elif kind == "HAS_TOPIC":
            g.topics_of[s].add(t)
        elif kind == "CITES":
            cited_in[t] += 1
        elif kind == "SUBTOPIC_OF":
            parent[s] = t
        strength = {"AFFILIATED_WITH": e["works"], "HAS_TOPIC": e["score"]}.get(kind)
        g.everything.add_edge(s, t, type=kind, strength=strength)
        if kind == "AFFILIATED_WITH":
            g.walk.add_edge(s, t, weight=AFFILIATION_WEIGHT)
    for paper, count in cited_in.items():
        g.citations[paper] = max(g.citations.get(paper, 0), count)
    _project(g)
    _weigh(g, parent)
    for node, text in g.label.items():
        if g.kind[node] != "SOURCE":
            for word in WORD.findall((text or "").lower()):
                g.words[word].add(node)
    return g


def _project(g: NxGraph) -> None:
    authors_of: dict[str, list[str]] = defaultdict(list)
    for researcher, papers in g.papers_of.items():
        for paper in papers:
            authors_of[paper].append(researcher)
    for paper, authors in authors_of.items():
        year = g.year.get(paper)
        for a, b in itertools.combinations(sorted(authors), 2):
            if g.coauthors.has_edge(a, b):
                edge = g.coauthors[a][b]
                edge["works"] += 1
                if year is not None:
                    edge["first_year"] = min(edge["first_year"] or year, year)
                    edge["last_year"] = max(edge["last_year"] or year, year)
            else:
                g.coauthors.add_edge(a, b, works=1, first_year=year, last_year=year)
    for a, b, data in g.coauthors.edges(data=True):
        g.walk.add_edge(a, b, weight=data["works"])
        g.everything.add_edge(a, b, type="COAUTHOR", strength=data["works"])
    for topics in g.topics_of.values():
        g.topical_papers += 1
        g.topic_papers.update(topics)
        for a, b in itertools.combinations(sorted(topics), 2):
            if g.cooccurs.has_edge(a, b):
                g.cooccurs[a][b]["papers"] += 1
            else:
                g.cooccurs.add_edge(a, b, papers=1)
    for a, b, data in g.cooccurs.edges(data=True):
        g.everything.add_edge(a, b, type="CO_OCCURS", strength=data["papers"])


def _weigh(g: NxGraph, parent: dict[str, str]) -> None:
    """Node weights as queries/neighbourhood.cypher ranks them."""
    under: dict[str, set[str]] = defaultdict(set)
    for paper, topics in g.topics_of.items():
        for topic in topics:
            for _ in range(4):  # the topic and up to three ancestors
                under[topic].add(paper)
                if topic not in parent:
                    break
                topic = parent[topic]
    for node, kind in g.kind.items():
        if kind == "PAPER":
            g.weight[node] = g.citations.get(node, 0)
        elif kind == "RESEARCHER":
            g.weight[node] = len(g.papers_of.get(node, ()))
        elif kind == "TOPIC":
            g.weight[node] = len(under.get(node, ()))
        else:  # institutions by affiliated researchers, sources by papers: both are degrees
            g.weight[node] = g.everything.degree(node) if node in g.everything else 0


def _recency(year: int | None) -> int:
    return -1 if year is None else year


def coauthors(g: NxGraph, rid: str, first: int = 25) -> tuple[int, list[tuple[str, int]]]:
    near = g.coauthors[rid] if rid in g.coauthors else {}
    ranked = sorted(near.items(),
                    key=lambda kv: (-kv[1]["works"], -_recency(kv[1]["last_year"]), kv[0]))
    return len(near), [(c, d["works"]) for c, d in ranked[:first]]


def close_collaborators(g: NxGraph, rid: str) -> list[tuple[str, int]]:
    near = g.coauthors[rid] if rid in g.coauthors else {}
    return sorted((c, d["works"]) for c, d in near.items() if d["works"] >= CLOSE_MIN_WORKS)


def collaboration_path(g: NxGraph, a: str, b: str, max_hops: int = 6) -> list[Any] | None:
    try:
        people = nx.bidirectional_shortest_path(g.coauthors, a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None
    if len(people) - 1 > max_hops:
        return None
    return [(x, y, sorted(g.papers_of[x] & g.papers_of[y])) for x, y in itertools.pairwise(people)]


def _topics_at(g: NxGraph, rid: str, level: str) -> set[str]:
    return {t for p in g.papers_of.get(rid, ()) for t in g.topics_of.get(p, ())
            if g.topic_level.get(t) == level}


def suggested_collaborators(g: NxGraph, rid: str, first: int = 10) -> list[tuple[str, float]]:
    if rid not in g.coauthors:
        return []
    near = g.coauthors[rid]
    bridge: Counter[str] = Counter()
    for c, link in near.items():
        for d, onward in g.coauthors[c].items():
            if d != rid and d not in near:
                bridge[d] += min(link["works"], onward["works"])
    mine = _topics_at(g, rid, "topic")
    scored = []
    for d, strength in bridge.items():
        theirs = _topics_at(g, d, "topic")
        overlap = len(mine & theirs) / len(mine | theirs) if mine & theirs else 0.0
        if overlap > 0:
            scored.append((d, strength * overlap))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:first]


def _npmi(g: NxGraph, a: str, b: str) -> float:
    both = g.cooccurs[a][b]["papers"] if g.cooccurs.has_edge(a, b) else 0
    total = g.topical_papers
    if both == 0:
        return -1.0
    if both == total:
        return 1.0
    expected = g.topic_papers[a] * g.topic_papers[b]
    return math.log(both * total / expected) / -math.log(both / total)


def researcher_metrics(g: NxGraph, rid: str) -> tuple[int, ...]:
    papers = g.papers_of.get(rid, set())
    cited = sorted((g.citations.get(p, 0) for p in papers), reverse=True)
    h_index = sum(1 for rank, c in enumerate(cited, start=1) if c >= rank)
    novel = sum(
        1 for p in papers
        if any(_npmi(g, a, b) < ATYPICAL_NPMI for a, b in itertools.combinations(
            sorted(t for t in g.topics_of.get(p, ()) if g.topic_level.get(t) == "topic"), 2))
    )
    return (len(papers), sum(cited), h_index, sum(1 for c in cited if c >= 10),
            len(_topics_at(g, rid, "topic")), len(close_collaborators(g, rid)), novel)


def topic_profile(g: NxGraph, rid: str, level: str, first: int = 10) -> list[tuple[str, float]]:
    papers = g.papers_of.get(rid, set())
    counts = Counter(t for p in papers for t in g.topics_of.get(p, ())
                     if g.topic_level.get(t) == level)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:first]
    return [(t, n / len(papers)) for t, n in ranked]


def adjacent_topics(g: NxGraph, tid: str, first: int = 10) -> tuple[int, list[int]]:
    near = g.cooccurs[tid] if tid in g.cooccurs else {}
    ranked = sorted(near.items(), key=lambda kv: (-kv[1]["papers"], -_npmi(g, tid, kv[0]), kv[0]))
    return len(near), [d["papers"] for _, d in ranked[:first]]


def neighbourhood(g: NxGraph, nid: str, depth: int, cap: int = 25) -> dict[str, tuple[int, int]]:
    """{type: (kept, left out)} by the ranking of queries/neighbourhood.cypher (hierarchy first,
    then edge strength, else node weight; depth 2 by links to the kept depth-1 nodes), plus the
    edges among the nodes shown (counted, so the work is done)."""
    near = g.everything[nid]
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for m, e in near.items():
        if m == nid:
            continue
        priority = 1 if e["type"] in HIERARCHY else 0
        strength = e["strength"] if e["strength"] is not None else g.weight[m]
        groups[g.kind[m]].append((-priority, -strength, m))
    kept = {kind: [m for *_, m in sorted(ranked)[:cap]] for kind, ranked in groups.items()}
    totals = {kind: len(ranked) for kind, ranked in groups.items()}
    if depth == 2:
        links: Counter[str] = Counter()
        for k in itertools.chain.from_iterable(kept.values()):
            for m in g.everything[k]:
                if m != nid and m not in near:
                    links[m] += 1
        far: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for m, n in links.items():
            far[g.kind[m]].append((-n, -g.weight[m], m))
        for kind, ranked in far.items():
            room = cap - len(kept.get(kind, []))
            kept[kind] = kept.get(kind, []) + [m for *_, m in sorted(ranked)[:max(room, 0)]]
            totals[kind] = totals.get(kind, 0) + len(ranked)
    shown = {nid, *itertools.chain.from_iterable(kept.values())}
    sum(1 for a in shown for b in g.everything[a] if b in shown)
    return {kind: (len(kept[kind]), totals[kind] - len(kept[kind])) for kind in totals}


def search(g: NxGraph, text: str, first: int = 10) -> list[str]:
    """Nodes whose label holds every word, at most `first` per type (no relevance ranking: an
    inverted-index lookup, not Lucene)."""
    words = WORD.findall(text.lower())
    if not words:
        return []
    found = set.intersection(*(g.words.get(w, set()) for w in words))
    by_type: dict[str, list[str]] = defaultdict(list)
    for node in sorted(found, key=lambda n: (len(g.label[n] or ""), n)):
        if len(by_type[g.kind[node]]) < first:
            by_type[g.kind[node]].append(node)
    return [n for hits in by_type.values() for n in hits]


def trust(g: NxGraph, damping: float, tolerance: float, max_iterations: int) -> dict[str, float]:
    """Personalised PageRank as kg/trust.py runs it: teleport to researchers by verification
    level (uniform when nobody is L1+), dangling mass back to the teleport vector, stopping at
    the same L1 change (networkx stops when the L1 change is below N * tol)."""
    seeds = {r: float(level) for r, level in g.level.items() if level > 0 and r in g.walk}
    if not seeds:
        seeds = {r: 1.0 for r in g.level if r in g.walk}
    return _pagerank_python(g.walk, alpha=damping, personalization=seeds, weight="weight",
                            tol=tolerance / g.walk.number_of_nodes(), max_iter=max_iterations)
