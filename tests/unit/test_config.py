import dataclasses
from pathlib import Path

import pytest

from kg.config import LOCAL_DEFAULT_PASSWORD, SETTINGS, Settings, from_env, settings_table
from kg.errors import BadConfiguration

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_point_at_the_local_server() -> None:
    settings = from_env({})
    assert settings.neo4j_uri == "bolt://127.0.0.1:7687"
    assert settings.neo4j_password == LOCAL_DEFAULT_PASSWORD
    assert settings.bolt_port == 7687


@pytest.mark.parametrize("uri", ["bolt://db.example:7687", "neo4j://db.example:7687"])
def test_bolt_and_neo4j_uris_are_accepted(uri: str) -> None:
    assert from_env({"NEO4J_URI": uri, "NEO4J_PASSWORD": "a-real-secret"}).neo4j_uri == uri


def test_an_http_uri_is_refused() -> None:
    with pytest.raises(BadConfiguration, match="bolt:// or neo4j://"):
        from_env({"NEO4J_URI": "http://127.0.0.1:7474"})


def test_the_local_default_password_is_refused_for_a_remote_server() -> None:
    with pytest.raises(BadConfiguration, match="development default"):
        from_env({"NEO4J_URI": "neo4j://db.example:7687"})


def test_a_short_password_is_refused() -> None:
    with pytest.raises(BadConfiguration, match="at least 8"):
        from_env({"NEO4J_PASSWORD": "short"})


def test_float_settings_accept_fractions() -> None:
    settings = from_env({"KG_CYPHER_TIMEOUT": "2.5", "KG_REQUEST_RETRY_SECONDS": "0.5"})
    assert settings.cypher_timeout == 2.5
    assert settings.request_retry_seconds == 0.5


def test_a_value_of_the_wrong_type_names_the_variable_and_its_type() -> None:
    with pytest.raises(BadConfiguration, match="KG_MAX_PAGE_SIZE must be an integer"):
        from_env({"KG_MAX_PAGE_SIZE": "lots"})
    with pytest.raises(BadConfiguration, match="KG_CYPHER_TIMEOUT must be a number"):
        from_env({"KG_CYPHER_TIMEOUT": "soon"})


def test_every_settings_field_is_read_from_exactly_one_variable() -> None:
    fields = [s.field for s in SETTINGS]
    assert sorted(fields) == sorted(f.name for f in dataclasses.fields(Settings))
    assert len({s.variable for s in SETTINGS}) == len(SETTINGS)


def test_the_documented_table_is_the_one_the_code_prints() -> None:
    documented = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert settings_table() in documented


def test_limits_and_budgets_have_defaults_and_can_be_set() -> None:
    settings = from_env({})
    assert settings.cost_budget < settings.cost_budget_authenticated
    assert settings.rate_limit_address == "120/minute"
    changed = from_env({"KG_COST_BUDGET": "500", "KG_RATE_LIMIT_ADDRESS": "10 per second",
                        "KG_RATE_LIMIT_TOKEN": "off", "KG_REQUEST_DEADLINE": "2.5"})
    assert changed.cost_budget == 500
    assert changed.rate_limit_address == "10 per second"
    assert changed.rate_limit_token == "off"
    assert changed.request_deadline == 2.5


def test_the_depth_two_edge_budget_defaults_to_twenty_thousand_and_zero_is_allowed() -> None:
    assert from_env({}).neighbourhood_exact_edges == 20_000
    assert from_env({"KG_NEIGHBOURHOOD_EXACT_EDGES": "0"}).neighbourhood_exact_edges == 0


@pytest.mark.parametrize("environ, message", [
    ({"KG_RATE_LIMIT_ADDRESS": "lots"}, "KG_RATE_LIMIT_ADDRESS must look like"),
    ({"KG_RATE_LIMIT_TOKEN": "10/fortnight"}, "KG_RATE_LIMIT_TOKEN must look like"),
    ({"KG_COST_BUDGET": "0"}, "KG_COST_BUDGET must be positive"),
    ({"KG_REQUEST_DEADLINE": "soon"}, "KG_REQUEST_DEADLINE must be a number"),
    ({"KG_NEIGHBOURHOOD_EXACT_EDGES": "-1"}, "KG_NEIGHBOURHOOD_EXACT_EDGES must not be negative"),
    ({"KG_NEIGHBOURHOOD_EXACT_EDGES": "lots"}, "KG_NEIGHBOURHOOD_EXACT_EDGES must be an integer"),
])
def test_limits_that_cannot_work_are_refused(environ: dict[str, str], message: str) -> None:
    with pytest.raises(BadConfiguration, match=message):
        from_env(environ)
