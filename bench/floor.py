"""The floor of the ingest benchmark: the same nodes and edges as the real pipeline, written with
raw driver `UNWIND ... CREATE` into an empty database. No MERGE (rows are de-duplicated in
Python first), no derived edges, no re-ingest bookkeeping: what the database cannot beat.

Bench-only Cypher lives here rather than in queries/ (it is not part of the product); it is
still parameterised."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, LiteralString

from kg.db.graph import Graph
from kg.ingest.records import PaperRecord, name_key

BATCH = 5000

NODE_QUERIES: dict[str, LiteralString] = {
    "papers": "UNWIND $rows AS row CREATE (n:Paper) SET n = row",
    "researchers": "UNWIND $rows AS row CREATE (n:Researcher) SET n = row",
    "institutions": "UNWIND $rows AS row CREATE (n:Institution) SET n = row",
    "topics": "UNWIND $rows AS row CREATE (n:Topic) SET n = row",
    "sources": "UNWIND $rows AS row CREATE (n:Source) SET n = row",
}
EDGE_QUERIES: dict[str, LiteralString] = {
    "authored": "UNWIND $rows AS row MATCH (a:Researcher {id: row.start}) "
                "MATCH (b:Paper {id: row.end}) CREATE (a)-[e:AUTHORED]->(b) SET e = row.props",
    "has_topic": "UNWIND $rows AS row MATCH (a:Paper {id: row.start}) "
                 "MATCH (b:Topic {id: row.end}) CREATE (a)-[e:HAS_TOPIC]->(b) SET e = row.props",
    "subtopic_of": "UNWIND $rows AS row MATCH (a:Topic {id: row.start}) "
                   "MATCH (b:Topic {id: row.end}) CREATE (a)-[:SUBTOPIC_OF]->(b)",
    "part_of": "UNWIND $rows AS row MATCH (a:Institution {id: row.start}) "
               "MATCH (b:Institution {id: row.end}) CREATE (a)-[:PART_OF]->(b)",
    "published_in": "UNWIND $rows AS row MATCH (a:Paper {id: row.start}) "
                    "MATCH (b:Source {id: row.end}) CREATE (a)-[:PUBLISHED_IN]->(b)",
    "cites": "UNWIND $rows AS row MATCH (a:Paper {id: row.start}) "
             "MATCH (b:Paper {id: row.end}) CREATE (a)-[:CITES]->(b)",
}


def rows(papers: Iterable[PaperRecord]) -> dict[str, list[dict[str, Any]]]:
    """Distinct node and edge rows of these papers, as the pipeline would land them."""
    found: dict[str, dict[Any, dict[str, Any]]] = {
        name: {} for name in (*NODE_QUERIES, *EDGE_QUERIES)
    }
    papers = list({paper.id: paper for paper in papers}.values())
    paper_ids = {paper.id for paper in papers}
    for paper in papers:
        found["papers"][paper.id] = _paper_props(paper)
        if paper.source:
            found["sources"].setdefault(paper.source.id, vars(paper.source))
            _edge(found, "published_in", paper.id, paper.source.id)
        for reference in paper.references:
            if reference in paper_ids:
                _edge(found, "cites", paper.id, reference)
        for authorship in paper.authorships:
            researcher = authorship.researcher
            found["researchers"].setdefault(researcher.id, {
                "id": researcher.id, "name": researcher.name, "orcid": researcher.orcid,
                "name_key": name_key(researcher.name) if researcher.name else None,
                "verification_level": 0, "claimed": False, "open_to_collaborate": False,
            })
            for institution in authorship.institutions:
                props = {k: v for k, v in vars(institution).items() if k != "lineage"}
                found["institutions"][institution.id] = props
                for ancestor in institution.lineage:
                    if ancestor != institution.id:
                        found["institutions"].setdefault(ancestor, {"id": ancestor})
                        _edge(found, "part_of", institution.id, ancestor)
            _edge(found, "authored", researcher.id, paper.id, {
                "position": authorship.position,
                "is_corresponding": authorship.is_corresponding,
                "institution_ids": [i.id for i in authorship.institutions],
            })
        for assignment in paper.topics:
            for topic in (assignment.topic, *assignment.ancestors):
                found["topics"].setdefault(
                    topic.id, {"id": topic.id, "name": topic.name, "level": topic.level})
                if topic.parent_id:
                    _edge(found, "subtopic_of", topic.id, topic.parent_id)
            _edge(found, "has_topic", paper.id, assignment.topic.id,
                  {"score": assignment.score, "primary": assignment.primary})
    return {name: list(table.values()) for name, table in found.items()}


def write(graph: Graph, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Nodes first, then edges, `BATCH` rows per write transaction."""
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        for name, query in (*NODE_QUERIES.items(), *EDGE_QUERIES.items()):
            table = tables[name]
            for start in range(0, len(table), BATCH):
                batch = table[start:start + BATCH]
                session.execute_write(lambda tx, q=query, b=batch: tx.run(q, rows=b).consume())


def _paper_props(paper: PaperRecord) -> dict[str, Any]:
    props = {k: v for k, v in vars(paper).items()
             if k not in ("references", "source", "authorships", "topics")}
    props["categories"] = list(paper.categories)
    props["author_count"] = len({a.researcher.id for a in paper.authorships})
    return props


def _edge(found: dict[str, dict[Any, dict[str, Any]]], name: str, start: str, end: str,
          props: dict[str, Any] | None = None) -> None:
    row: dict[str, Any] = {"start": start, "end": end}
    if props is not None:
        row["props"] = props
    found[name].setdefault((start, end), row)
