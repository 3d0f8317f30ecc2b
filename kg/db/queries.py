"""Named Cypher queries, one per file in `queries/<area>/`, loaded once and checked before use.
A query's name is its path below `queries/` without the suffix: `coauthorship/coauthor_pages`.

A query file looks like this, so it can be pasted into Neo4j Browser as it is:

    // coauthors_of: co-authors of a researcher, most shared works first.
    // Returns: id, name, shared_works, first_year, last_year
    /*
    :params {researcher_id: "A5023888391", skip: 0, limit: 25}
    */
    MATCH (r:Researcher {id: $researcher_id})-[c:COAUTHOR]-(o:Researcher) ...

The `:params` map declares the parameters; every `$name` in the body must be declared, and a
call must pass exactly the declared names. Query text is never formatted: choices such as sort
order are separate named queries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, LiteralString, cast

from kg.errors import QueryError
from kg.resources import project_dir

_PARAMS_LINE = re.compile(r"^\s*:params?\s*(\{.*\})\s*$", re.MULTILINE)
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_LINE_COMMENT = re.compile(r"//[^\n]*")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class Query:
    name: str
    purpose: str
    text: LiteralString
    parameters: frozenset[str]
    examples: tuple[str, ...] = ()  # the `:params` maps as written: Cypher map literals

    def check(self, params: Mapping[str, Any]) -> None:
        """Raise `QueryError` unless `params` holds exactly the declared parameters."""
        given = set(params)
        undeclared = given - self.parameters
        if undeclared:
            raise QueryError(
                f"query {self.name!r} does not declare parameter(s) {sorted(undeclared)}"
            )
        missing = self.parameters - given
        if missing:
            raise QueryError(f"query {self.name!r} needs parameter(s) {sorted(missing)}")


def _top_level_keys(params_map: str) -> set[str]:
    """The keys of a Cypher map literal, ignoring nested maps, lists and strings."""
    keys: set[str] = set()
    depth = 0
    quote: str | None = None
    token = ""
    for char in params_map:
        if quote:
            if char == quote:
                quote = None
            continue
        if char in "'\"":
            quote = char
        elif char in "{[":
            depth += 1
            token = ""
        elif char in "}]":
            depth -= 1
        elif char == ":" and depth == 1:
            keys.add(token.strip().strip("`"))
            token = ""
        elif char == "," and depth == 1:
            token = ""
        elif depth == 1:
            token += char
    return keys


def cypher_body(source: str) -> str:
    """The Cypher of a query file without its comments, every string literal emptied."""
    return _STRING.sub("''", _LINE_COMMENT.sub("", _BLOCK_COMMENT.sub("", source)))


def parse_query(name: str, source: str) -> Query:
    """Parse one query file's text; raise `QueryError` when it is not well formed."""
    header = [line[2:].strip() for line in source.splitlines() if line.startswith("//")]
    if not header:
        raise QueryError(f"query {name!r} has no '// purpose' header line")
    declared_maps = _PARAMS_LINE.findall(source)
    declared: set[str] = set()
    for params_map in declared_maps:
        declared |= _top_level_keys(params_map)
    body = cypher_body(source)
    used = set(_PARAM_USE.findall(body))
    if used - declared:
        raise QueryError(
            f"query {name!r} uses parameter(s) {sorted(used - declared)} that its :params "
            "block does not declare"
        )
    if not body.strip():
        raise QueryError(f"query {name!r} has no Cypher body")
    # The text comes from files shipped with the project, never from user input.
    return Query(name, header[0], cast(LiteralString, source), frozenset(declared),
                 tuple(declared_maps))


class QueryLibrary:
    """Every named query of one or more directories, loaded at start-up. Tests add their
    own directory of census queries (`testkit/queries/`), which the wheel leaves out."""

    def __init__(self, *directories: Path) -> None:
        self._queries: dict[str, Query] = {}
        for directory in directories or (project_dir("queries"),):
            for path in sorted(directory.rglob("*.cypher")):
                name = path.relative_to(directory).with_suffix("").as_posix()
                if name in self._queries:
                    raise QueryError(f"two queries are named {name!r}")
                self._queries[name] = parse_query(name, path.read_text(encoding="utf-8"))

    def __getitem__(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            raise QueryError(f"no query named {name!r}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._queries

    def names(self) -> list[str]:
        return sorted(self._queries)
