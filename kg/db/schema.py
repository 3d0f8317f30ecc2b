"""The database schema: the idempotent statements of `schema/*.cypher`, what they declare, and
what the database reports it has."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import LiteralString, cast

from kg.db.graph import Graph
from kg.errors import BadConfiguration
from kg.resources import project_dir

_DECLARATION = re.compile(
    r"CREATE\s+(?P<kind>CONSTRAINT|FULLTEXT\s+INDEX|TEXT\s+INDEX|INDEX)\s+(?P<name>\w+)\s+IF\s+NOT\s+EXISTS\s+"
    r"FOR\s+(?:\(\w+:(?P<label>\w+)\)|\(\)-\[\w+:(?P<rel_type>\w+)\]-\(\))\s+"
    r"(?:REQUIRE|ON)\s+(?:EACH\s+)?(?P<props>\[[^\]]*\]|\([^)]*\)|[\w.]+)",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class SchemaItem:
    """One constraint or index, in the terms `SHOW CONSTRAINTS` / `SHOW INDEXES` use."""

    name: str
    type: str
    entity_type: str
    label: str
    properties: tuple[str, ...]


def statements(directory: Path | None = None) -> list[LiteralString]:
    """Every statement of `schema/*.cypher`, in file order, without comments."""
    directory = directory or project_dir("schema")
    found: list[LiteralString] = []
    for path in sorted(directory.glob("*.cypher")):
        text = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("//")
        )
        found += [cast(LiteralString, part.strip()) for part in text.split(";") if part.strip()]
    return found


def declared(directory: Path | None = None) -> set[SchemaItem]:
    """What the statements of `schema/` declare."""
    items = set()
    for statement in statements(directory):
        match = _DECLARATION.search(statement)
        if match is None:
            raise ValueError(f"schema statement not understood: {statement}")
        kind = match["kind"].upper().split()[0]
        props = tuple(
            p.strip().split(".", 1)[1] for p in match["props"].strip("[]()").split(",")
        )
        items.add(
            SchemaItem(
                name=match["name"],
                type={"CONSTRAINT": "UNIQUENESS", "FULLTEXT": "FULLTEXT", "TEXT": "TEXT",
                      "INDEX": "RANGE"}[kind],
                entity_type="RELATIONSHIP" if match["rel_type"] else "NODE",
                label=match["label"] or match["rel_type"],
                properties=props,
            )
        )
    return items


INDEX_WAIT_SECONDS = 3600  # a fulltext index over a million papers' abstracts takes minutes


_INDEX_CONFIG = re.compile(r"`(?P<key>fulltext\.\w+)`\s*:\s*(?P<value>true|false|'[^']*')",
                           re.IGNORECASE)
# What a full-text index has when its statement does not say (Neo4j's defaults).
_FULLTEXT_DEFAULTS: dict[str, object] = {"fulltext.eventually_consistent": False}


def index_config(statement: str) -> dict[str, object]:
    """The full-text settings (`fulltext.*` of OPTIONS {indexConfig: ...}) a statement declares,
    Neo4j's defaults for those it leaves out."""
    declared = {
        match["key"]: match["value"].strip("'") if match["value"].startswith("'")
        else match["value"].lower() == "true"
        for match in _INDEX_CONFIG.finditer(statement)
    }
    return {**_FULLTEXT_DEFAULTS, **declared}


# The properties only an index of an earlier schema served, by that index's name, each with the
# query that removes them (called until it returns 0), so a store written before keeps no trace:
# `pending_key`, the '|id|id|' string of a paper's pending_refs under a TEXT index, replaced by
# the full-text index paper_pending_refs over the list itself.
RETIRED = {"paper_pending_key": "admin/drop_pending_keys"}


def apply(graph: Graph) -> list[str]:
    """Make the database's constraints and indexes those of `schema/` and wait until the indexes
    are online; returns the names dropped. A constraint or index `schema/` no longer declares
    (one an older version made, such as paper_novelty_margin or paper_pending_key) is dropped:
    every write would pay for it; the property only it served goes too (RETIRED). A full-text
    index whose config differs from its statement's (one created before the statement made it
    eventually consistent, or chose its analyzer) is dropped and built again. The plain indexes
    go first, in one transaction: Neo4j populates the indexes of one transaction by one scan of
    the store, in the background, while each constraint's creation blocks until its own index is
    built, so on a loaded store the builds overlap."""
    found = statements()
    _remove_retired_properties(graph)
    dropped = _drop_undeclared(graph) + _drop_reconfigured(graph, found)
    constraints = [s for s in found if s.upper().startswith("CREATE CONSTRAINT")]
    graph.run_schema_statements([s for s in found if s not in constraints])
    for statement in constraints:
        graph.run_schema_statement(statement)
    graph.read("admin/await_indexes", seconds=INDEX_WAIT_SECONDS)
    return dropped


def require_online(graph: Graph, name: str) -> None:
    """Refuse to go on without the index `name` online: a store whose schema predates it (an
    ingest would have every batch refused, record by record) says what to run instead."""
    states = {row["name"]: row["state"] for row in graph.show("SHOW INDEXES YIELD name, state")}
    if states.get(name) != "ONLINE":
        found = "is missing" if name not in states else f"is {states[name]}"
        raise BadConfiguration(f"the database's index {name} {found}: run `kg schema apply` "
                               "(it creates the schema's indexes and waits until they are online)")


def _remove_retired_properties(graph: Graph) -> None:
    present = {row["name"] for row in graph.show("SHOW INDEXES YIELD name")}
    for name, cleanup in RETIRED.items():
        if name in present:
            while graph.write(cleanup, limit=50000)[0]["removed"]:
                pass


def _drop_undeclared(graph: Graph) -> list[str]:
    names = {item.name for item in declared()}
    retired = [("CONSTRAINT", row["name"])
               for row in graph.show("SHOW CONSTRAINTS YIELD name") if row["name"] not in names]
    retired += [("INDEX", row["name"])
                for row in graph.show("SHOW INDEXES YIELD name, type, owningConstraint")
                if row["type"] != "LOOKUP" and row["owningConstraint"] is None
                and row["name"] not in names]
    for kind, name in retired:
        graph.run_schema_statement(cast(LiteralString, f"DROP {kind} {_quoted(name)}"))
    return [name for _, name in retired]


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _drop_reconfigured(graph: Graph, found: list[LiteralString]) -> list[str]:
    existing = {row["name"]: row["options"]["indexConfig"] for row in graph.show(
        "SHOW FULLTEXT INDEXES YIELD name, options")}
    dropped = []
    for statement in found:
        match = _DECLARATION.search(statement)
        if (match is None or match["name"] not in existing
                or not match["kind"].upper().startswith("FULLTEXT")):
            continue
        config = existing[match["name"]]
        if any(config.get(key) != value for key, value in index_config(statement).items()):
            graph.run_schema_statement(cast(LiteralString, f"DROP INDEX {match['name']}"))
            dropped.append(match["name"])
    return dropped


def in_database(graph: Graph) -> set[SchemaItem]:
    """The constraints and the indexes the database has, other than the built-in lookups and the
    indexes that back constraints."""
    items = set()
    constraints = "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties"
    for row in graph.show(constraints):
        items.add(_item(row, "type"))
    for row in graph.show(
        "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint"
    ):
        if row["type"] != "LOOKUP" and row["owningConstraint"] is None:
            items.add(_item(row, "type"))
    return items


def _item(row: dict, type_key: str) -> SchemaItem:
    kind = row[type_key]
    if kind.endswith("UNIQUENESS"):
        kind = "UNIQUENESS"
    return SchemaItem(
        name=row["name"],
        type=kind,
        entity_type=row["entityType"],
        label=row["labelsOrTypes"][0],
        properties=tuple(row["properties"]),
    )
