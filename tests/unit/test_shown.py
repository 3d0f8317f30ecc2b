"""The node fields a document shows: the table covers every field of the node types, a request
reads the fields its selections name (through fragments and interfaces) and no others, and the
walk stays linear however fragments nest."""

from __future__ import annotations

import pytest
from graphql import parse

from api.graphql import shown
from api.graphql.schema import build_schema
from api.graphql.shown import READS, shown_by
from kg.config import Settings
from kg.nodes import ALL, PaperNode, ResearcherNode, Shown, TopicNode

SCHEMA = build_schema(Settings())._schema
NODES = {"Paper": PaperNode, "Researcher": ResearcherNode, "Topic": TopicNode}


@pytest.mark.parametrize("type_name", sorted(READS))
def test_the_table_names_every_field_of_the_type_and_only_node_fields(type_name: str) -> None:
    assert set(READS[type_name]) == set(SCHEMA.get_type(type_name).fields)  # type: ignore[union-attr]
    node_fields = set(NODES[type_name].__dataclass_fields__) - {"id"}
    assert {f for reads in READS[type_name].values() for f in reads} == node_fields


def test_a_profile_shows_only_the_names_of_its_coauthors() -> None:
    shown = shown_by(SCHEMA, parse("""query ($id: ID!) { researcher(id: $id) { id name
        metrics { works hIndex } coauthors(first: 100) { edges { sharedWorks node { id name } } }
    } }"""))
    assert shown == Shown(paper=frozenset(), researcher=frozenset({"name"}), topic=frozenset())


def test_a_page_of_papers_shows_what_its_papers_authors_and_topics_select() -> None:
    shown = shown_by(SCHEMA, parse("""query ($id: ID!) { researcher(id: $id) {
        papers(first: 20, orderBy: CITATIONS) { edges { node { id title citedByCount source { id }
          authors { researcher { id name } } topics { topic { id parent { id } } } } } } } }"""))
    assert shown.paper == {"title", "cited_by_count", "source_id"}
    assert shown.researcher == {"name"}
    assert shown.topic == {"parent_id"}


def test_fragments_inline_fragments_and_interfaces_are_followed() -> None:
    shown = shown_by(SCHEMA, parse("""
        query { search(query: "x", first: 3) { id }
                node(id: "T1") { ... on Topic { level } ...Named } }
        fragment Named on Node { ... on Researcher { ...Person } ... on Paper { abstract } }
        fragment Person on Researcher { orcid altNames }
    """))
    assert shown == Shown(paper=frozenset({"abstract"}),
                          researcher=frozenset({"orcid", "alt_names"}),
                          topic=frozenset({"level"}))


def test_every_operation_of_the_document_counts() -> None:
    shown = shown_by(SCHEMA, parse("""
        query A { paper(id: "W1") { year } }
        query B { topic(id: "T1") { papersCount } }
    """))
    assert shown.paper == {"year"} and shown.topic == {"papers"}


def test_nested_fragments_are_walked_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    depth = 40  # 2**40 field visits if each fragment were walked wherever it is spread
    fragments = ["fragment F0 on Paper { title }"] + [
        f"fragment F{i} on Paper {{ ...F{i - 1} authors {{ researcher {{ id }} }} ...F{i - 1} }}"
        for i in range(1, depth)]
    document = parse(f'query {{ paper(id: "W1") {{ ...F{depth - 1} }} }}\n' + "\n".join(fragments))
    visits = []
    counted = shown.__dict__["_object_types"]
    monkeypatch.setattr(shown, "_object_types", lambda *a: visits.append(1) or counted(*a))
    assert shown_by(SCHEMA, document).paper == {"title"}
    assert len(visits) == 1 + 1 + 3 * (depth - 1)  # paper, F0's title, each F's three fields


def test_every_field_is_shown_to_callers_outside_the_api() -> None:
    assert ALL.paper == set(PaperNode.__dataclass_fields__) - {"id"}
    assert ALL.parameter["researcher"] == dict.fromkeys(
        sorted(set(ResearcherNode.__dataclass_fields__) - {"id"}), True)
