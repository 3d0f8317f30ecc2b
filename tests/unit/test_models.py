"""schema/ is the source of truth; the neomodel classes must declare the same keys and lookups."""

from neomodel import StructuredNode, StructuredRel

from kg.db import models, schema


def _neomodel_declarations() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    unique, indexed = set(), set()
    classes = [
        c for c in vars(models).values()
        if isinstance(c, type) and issubclass(c, StructuredNode | StructuredRel)
        and c not in (StructuredNode, StructuredRel)
    ]
    for cls in classes:
        label = getattr(cls, "__label__", None) or _rel_type(cls)
        for name, prop in cls.defined_properties(aliases=False, rels=False).items():
            key = (label, prop.db_property or name)
            if prop.unique_index:
                unique.add(key)
            elif prop.index:
                indexed.add(key)
    return unique, indexed


def _rel_type(rel_model: type) -> str:
    for node in vars(models).values():
        if isinstance(node, type) and issubclass(node, StructuredNode):
            for rel in node.defined_properties(aliases=False, properties=False).values():
                if rel.definition.get("model") is rel_model:
                    return rel.definition["relation_type"]
    raise AssertionError(f"{rel_model.__name__} is used by no relationship")


def test_neomodel_unique_properties_match_the_schema_constraints() -> None:
    unique, _ = _neomodel_declarations()
    declared = {(i.label, i.properties[0]) for i in schema.declared() if i.type == "UNIQUENESS"}
    assert unique == declared


def test_neomodel_indexed_properties_match_the_schema_range_indexes() -> None:
    _, indexed = _neomodel_declarations()
    declared = {(i.label, i.properties[0]) for i in schema.declared() if i.type == "RANGE"}
    assert indexed == declared


def test_every_label_of_the_design_has_a_model() -> None:
    labels = {"Paper", "Researcher", "Topic", "Institution", "Source", "User"}
    assert labels <= {c.__label__ for c in vars(models).values()
                      if isinstance(c, type) and issubclass(c, StructuredNode)
                      and c is not StructuredNode}
