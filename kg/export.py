"""Data out: the whole graph, or a node's neighbourhood to depth N, as GraphML (Gephi, networkx)
or as CSV node and edge files (pandas).

Streaming: nodes are read a page at a time (by label, in id order, so each page seeks the id
index) and the relationships leaving each page are read with it; rows go to a spool file on disk
as they arrive, and the output is written from the spool once the property names and types are
known (GraphML declares its keys, and CSV its columns, before the first row). Memory holds one
page, the property catalogue and, for `--around`, the element ids of the subgraph (the
breadth-first search has to know what it has seen).

Users, and every relationship to or from a user, are never exported. A node's GraphML id and
CSV `id` is its stable id (`W2741809807`); its label is the attribute `label`, a relationship's
type the attribute `type`. List properties are written as JSON text, temporal ones as ISO text.
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from kg.db.graph import Graph, Row
from kg.errors import BadInput, NotFound

LABELS = ("Paper", "Researcher", "Topic", "Institution", "Source")
FORMATS = ("graphml", "csv")
MAX_DEPTH = 4
PAGE = 1000

Progress = Callable[[int, int], None]  # (nodes written, nodes to write)


@dataclass(frozen=True)
class ExportReport:
    format: str
    paths: tuple[Path, ...]
    nodes: int
    edges: int
    seconds: float

    def summary(self) -> str:
        where = ", ".join(str(p) for p in self.paths)
        return (f"exported {self.nodes} nodes and {self.edges} edges as {self.format} in "
                f"{self.seconds:.1f}s: {where}")


def export(graph: Graph, fmt: str, out: Path, around: str | None = None, depth: int = 1,
           page: int = PAGE, progress: Progress | None = None) -> ExportReport:
    """Write the graph (or the neighbourhood of `around` to `depth`) to `out`: a file for
    GraphML, a directory (created) holding nodes.csv and edges.csv for CSV."""
    if fmt not in FORMATS:
        raise BadInput(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if around is not None and not 0 <= depth <= MAX_DEPTH:
        raise BadInput(f"--depth must be between 0 and {MAX_DEPTH}")
    started = time.perf_counter()
    writer: _Writer = GraphMLWriter(out) if fmt == "graphml" else CsvWriter(out)
    nodes = edges = 0
    try:
        if around is None:
            total = graph.read("export/count_nodes")[0]["nodes"]
            batches = _whole_graph(graph, page)
        else:
            subgraph = _around(graph, around, depth, page)
            total = len(subgraph)
            batches = _subgraph(graph, subgraph, page)
        for node_rows, edge_rows in batches:
            for row in node_rows:
                writer.node(row["id"], row["label"], row["props"])
            for row in edge_rows:
                writer.edge(row["source"], row["target"], row["type"], row["props"])
            nodes += len(node_rows)
            edges += len(edge_rows)
            if progress:
                progress(nodes, total)
        paths = writer.finish()
    finally:
        writer.discard()
    return ExportReport(fmt, paths, nodes, edges, time.perf_counter() - started)


Batch = tuple[list[Row], list[Row]]


def _whole_graph(graph: Graph, page: int) -> Iterator[Batch]:
    for label in LABELS:
        after = ""
        while True:
            rows = graph.read("export/nodes_page", label=label, after=after, limit=page)
            if not rows:
                break
            edges = graph.read("export/edges_from",
                               element_ids=[row["element_id"] for row in rows])
            yield rows, edges
            after = rows[-1]["id"]


def _around(graph: Graph, node_id: str, depth: int, page: int) -> set[str]:
    """The element ids of the nodes at most `depth` hops from `node_id` (breadth first)."""
    start = graph.read("export/start_node", id=node_id)
    if not start:
        raise NotFound(f"no node has the id {node_id!r}")
    seen = {start[0]["element_id"]}
    frontier = list(seen)
    for _ in range(depth):
        found: set[str] = set()
        for chunk in _chunks(frontier, page):
            found.update(row["element_id"]
                         for row in graph.read("export/neighbours", element_ids=chunk))
        frontier = sorted(found - seen)
        seen.update(frontier)
        if not frontier:
            break
    return seen


def _subgraph(graph: Graph, seen: set[str], page: int) -> Iterator[Batch]:
    for chunk in _chunks(sorted(seen), page):
        nodes = graph.read("export/nodes_by_element_ids", element_ids=chunk)
        edges = [row for row in graph.read("export/edges_from", element_ids=chunk)
                 if row["target_element_id"] in seen]
        yield nodes, edges


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _plain(value: Any) -> Any:
    """A property value as GraphML and CSV can hold it."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return json.dumps([_plain(v) for v in value], ensure_ascii=False)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# GraphML attribute types; a key seen with several kinds takes the widest that holds them all.
_KIND = {bool: "boolean", int: "long", float: "double", str: "string"}


def _widen(old: str | None, new: str) -> str:
    if old is None or old == new:
        return new
    return "double" if {old, new} == {"long", "double"} else "string"


@dataclass
class _Spool:
    """Rows on disk until the header can be written; the property names and kinds seen."""

    directory: Path
    keys: dict[str, str] = field(default_factory=dict)
    file: IO[str] = field(init=False)

    def __post_init__(self) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", dir=self.directory)

    def add(self, head: list[str], props: dict[str, Any]) -> None:
        plain = {k: _plain(v) for k, v in props.items() if v is not None}
        for key, value in plain.items():
            self.keys[key] = _widen(self.keys.get(key), _KIND[type(value)])
        self.file.write(json.dumps([head, plain], ensure_ascii=False) + "\n")

    def rows(self) -> Iterable[tuple[list[str], dict[str, Any]]]:
        self.file.seek(0)
        for line in self.file:
            head, props = json.loads(line)
            yield head, props


class _Writer:
    def __init__(self, out: Path, spool_dir: Path) -> None:
        self.out = out
        spool_dir.mkdir(parents=True, exist_ok=True)
        self.nodes = _Spool(spool_dir)
        self.edges = _Spool(spool_dir)

    def node(self, node_id: str, label: str, props: dict[str, Any]) -> None:
        self.nodes.add([node_id, label], {k: v for k, v in props.items() if k != "id"})

    def edge(self, source: str, target: str, rel_type: str, props: dict[str, Any]) -> None:
        self.edges.add([source, target, rel_type], props)

    def finish(self) -> tuple[Path, ...]:
        raise NotImplementedError

    def discard(self) -> None:
        self.nodes.file.close()
        self.edges.file.close()


class GraphMLWriter(_Writer):
    def __init__(self, out: Path) -> None:
        super().__init__(out, out.parent)

    def finish(self) -> tuple[Path, ...]:
        with self.out.open("w", encoding="utf-8") as xml:
            xml.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml '
                      'xmlns="http://graphml.graphdrawing.org/xmlns">\n')
            node_keys = {"label": "string", **self.nodes.keys}
            edge_keys = {"type": "string", **self.edges.keys}
            for scope, keys, prefix in (("node", node_keys, "n"), ("edge", edge_keys, "e")):
                for key, kind in keys.items():
                    xml.write(f'  <key id="{prefix}_{escape(key)}" for="{scope}" '
                              f'attr.name={quoteattr(key)} attr.type="{kind}"/>\n')
            xml.write('  <graph edgedefault="directed">\n')
            for (node_id, label), props in self.nodes.rows():
                xml.write(f"    <node id={quoteattr(node_id)}>")
                xml.write(_data("n", {"label": label, **props}))
                xml.write("</node>\n")
            for (source, target, rel_type), props in self.edges.rows():
                xml.write(f"    <edge source={quoteattr(source)} target={quoteattr(target)}>")
                xml.write(_data("e", {"type": rel_type, **props}))
                xml.write("</edge>\n")
            xml.write("  </graph>\n</graphml>\n")
        return (self.out,)


def _data(prefix: str, values: dict[str, Any]) -> str:
    return "".join(f'<data key="{prefix}_{escape(key)}">{escape(_text(value))}</data>'
                   for key, value in values.items())


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", value) if isinstance(value, str) else repr(value)


# Characters XML 1.0 cannot hold at all (an abstract with a stray control character would
# otherwise make the whole file unreadable).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class CsvWriter(_Writer):
    def __init__(self, out: Path) -> None:
        super().__init__(out, out)

    def finish(self) -> tuple[Path, ...]:
        nodes_path, edges_path = self.out / "nodes.csv", self.out / "edges.csv"
        _write_csv(nodes_path, ["id", "label"], self.nodes)
        _write_csv(edges_path, ["source", "target", "type"], self.edges)
        return nodes_path, edges_path


def _write_csv(path: Path, head: list[str], spool: _Spool) -> None:
    columns = sorted(spool.keys)
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(head + columns)
        for values, props in spool.rows():
            out.writerow(values + [_csv_cell(props.get(c)) for c in columns])


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value
