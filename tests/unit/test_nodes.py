"""Nodes built from their rows (`FromRow.of_row`) or a query's list of their values
(`FromRow.of_values`) equal the ones their `__init__` builds, and a row that does not name
exactly their fields, or a list of another length, is refused."""

from __future__ import annotations

import dataclasses

import orjson
import pytest

from kg.nodes import PaperNode, ResearcherNode, SourceNode

ROW = {"id": "A1", "name": "Ada", "orcid": None, "alt_names": ["A. L."],
       "open_to_collaborate": False}


def test_a_node_of_a_row_equals_the_one_its_init_builds() -> None:
    built, initialised = ResearcherNode.of_row(ROW), ResearcherNode(**ROW)
    assert built == initialised and repr(built) == repr(initialised)
    assert dataclasses.asdict(built) == dataclasses.asdict(initialised)
    assert list(vars(built)) == list(vars(initialised))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.name = "Other"  # type: ignore[misc]


def test_a_row_in_another_order_still_builds_the_same_node() -> None:
    reordered = dict(reversed(list(ROW.items())))
    built = ResearcherNode.of_row(reordered)
    assert built == ResearcherNode(**ROW) and list(vars(built)) == list(ROW)
    assert orjson.dumps(built) == orjson.dumps(ResearcherNode(**reordered))


def test_a_row_with_a_missing_or_extra_key_is_refused_as_before() -> None:
    with pytest.raises(TypeError):
        ResearcherNode.of_row({k: v for k, v in ROW.items() if k != "orcid"})
    with pytest.raises(TypeError):
        ResearcherNode.of_row({**ROW, "extra": 1})


def test_each_node_type_remembers_its_own_fields() -> None:
    source = SourceNode.of_row({"id": "S1", "name": "J", "type": "journal", "papers": 3})
    assert source == SourceNode("S1", "J", "journal", 3)
    with pytest.raises(TypeError):
        PaperNode.of_row({"id": "S1", "name": "J", "type": "journal", "papers": 3})


def test_a_node_of_its_values_in_order_equals_the_one_its_init_builds() -> None:
    built, initialised = ResearcherNode.of_values(list(ROW.values())), ResearcherNode(**ROW)
    assert built == initialised and repr(built) == repr(initialised)
    assert list(vars(built)) == list(vars(initialised))
    assert orjson.dumps(built) == orjson.dumps(initialised)


def test_a_list_of_values_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError):
        ResearcherNode.of_values(list(ROW.values())[:-1])
    with pytest.raises(ValueError):
        ResearcherNode.of_values([*ROW.values(), 1])
