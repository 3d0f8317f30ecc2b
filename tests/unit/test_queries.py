from pathlib import Path

import pytest

from kg.db.queries import QueryLibrary, parse_query
from kg.errors import QueryError

QUERY = """// coauthors: co-authors of a researcher.
/*
:params {researcher_id: "A1", options: {limit: 5, order: ["a", "b"]}}
*/
MATCH (r:Researcher {id: $researcher_id}) RETURN r LIMIT $options.limit
"""


def test_loader_rejects_an_unknown_query_name(tmp_path: Path) -> None:
    (tmp_path / "known.cypher").write_text("// known: a query.\nRETURN 1\n")
    library = QueryLibrary(tmp_path)
    with pytest.raises(QueryError, match="no query named 'unknown'"):
        library["unknown"]


def test_call_with_an_undeclared_parameter_is_rejected() -> None:
    query = parse_query("coauthors", QUERY)
    with pytest.raises(QueryError, match="does not declare parameter"):
        query.check({"researcher_id": "A1", "options": {}, "name": "x"})


def test_call_missing_a_declared_parameter_is_rejected() -> None:
    query = parse_query("coauthors", QUERY)
    with pytest.raises(QueryError, match="needs parameter"):
        query.check({"researcher_id": "A1"})


def test_declared_parameters_are_the_top_level_keys_of_the_params_map() -> None:
    assert parse_query("coauthors", QUERY).parameters == {"researcher_id", "options"}


def test_query_using_an_undeclared_parameter_fails_at_load_time() -> None:
    with pytest.raises(QueryError, match=r"\['other'\]"):
        parse_query("bad", "// bad: uses $other.\nRETURN $other\n")


def test_parameter_names_inside_strings_and_comments_are_not_uses() -> None:
    query = parse_query("ok", "// ok: literal.\n// mentions $nothing\nRETURN '$literal' AS x\n")
    assert query.parameters == frozenset()


def test_every_project_query_loads_and_has_a_purpose() -> None:
    library = QueryLibrary()
    assert "admin/ping" in library
    for name in library.names():
        assert library[name].purpose.startswith(f"{name}:"), name
