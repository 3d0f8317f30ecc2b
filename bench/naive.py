"""The naive baseline of the ingest benchmark: the kg/db/models.py classes, one neomodel call per
node and per edge (look the node up, save it when missing, connect), each its own auto-commit
transaction. This is the path the issue forbids on the ingest path; the benchmark shows why.
Like the floor it maintains no derived edges, so it does less work than the pipeline."""

from __future__ import annotations

from typing import Any

from kg.db.graph import Graph
from kg.db.models import Institution, Paper, Researcher, Source, Topic, bind
from kg.ingest.records import PaperRecord, name_key


def write(graph: Graph, papers: list[PaperRecord]) -> None:
    bind(graph.driver, graph.settings.neo4j_database)
    saved = {paper.id: _paper(paper) for paper in papers}
    for paper in papers:
        for reference in dict.fromkeys(paper.references):
            if reference in saved:
                saved[paper.id].cites.connect(saved[reference])


def _paper(record: PaperRecord) -> Paper:
    paper = Paper(
        uid=record.id, doi=record.doi, title=record.title, abstract=record.abstract,
        year=record.year, date=record.date, type=record.type,
        cited_by_count=record.cited_by_count, is_retracted=record.is_retracted,
        referenced_works_count=record.referenced_works_count,
        categories=list(record.categories),
    ).save()
    if record.source:
        source = _get_or_save(Source, record.source.id, name=record.source.name,
                              type=record.source.type)
        paper.published_in.connect(source)
    seen: set[str] = set()
    for authorship in record.authorships:
        person = authorship.researcher
        if person.id in seen:
            continue
        seen.add(person.id)
        researcher = _get_or_save(
            Researcher, person.id, name=person.name, orcid=person.orcid,
            name_key=name_key(person.name) if person.name else None,
        )
        for institution in authorship.institutions:
            node = _get_or_save(Institution, institution.id, name=institution.name,
                                ror=institution.ror, country=institution.country,
                                type=institution.type)
            for ancestor in institution.lineage:
                if ancestor != institution.id:
                    node.part_of.connect(_get_or_save(Institution, ancestor))
        researcher.papers.connect(paper, {
            "position": authorship.position,
            "is_corresponding": authorship.is_corresponding,
            "institution_ids": [i.id for i in authorship.institutions],
        })
    for assignment in record.topics:
        chain = [_get_or_save(Topic, t.id, name=t.name, level=t.level)
                 for t in (assignment.topic, *assignment.ancestors)]
        for child, parent in zip(chain, chain[1:], strict=False):
            child.parent.connect(parent)
        paper.topics.connect(chain[0], {"score": assignment.score,
                                        "primary": assignment.primary})
    return paper


def _get_or_save(cls: Any, uid: str, **props: Any) -> Any:
    node = cls.nodes.get_or_none(uid=uid)
    if node is None:
        node = cls(uid=uid, **props).save()
    return node
