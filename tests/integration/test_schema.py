import pytest

from kg.db import schema
from kg.db.graph import Graph
from kg.errors import AlreadyExists, KgError


def test_database_constraints_and_indexes_match_schema_files(graph: Graph) -> None:
    assert schema.in_database(graph) == schema.declared()


def test_applying_the_schema_twice_changes_nothing(graph: Graph) -> None:
    before = schema.in_database(graph)
    schema.apply(graph)
    schema.apply(graph)
    assert schema.in_database(graph) == before


def test_a_duplicate_id_is_rejected_by_the_database(graph: Graph) -> None:
    create = "CREATE (:Paper {id: $id})"
    graph.driver.execute_query(create, id="W1")
    with pytest.raises(AlreadyExists, match="already exists"), graph.translated_errors():
        graph.driver.execute_query(create, id="W1")


def test_schema_statements_of_one_transaction_land_all_or_none(graph: Graph) -> None:
    before = schema.in_database(graph)
    with pytest.raises(KgError):
        graph.run_schema_statements([
            "CREATE INDEX paper_title_probe IF NOT EXISTS FOR (n:Paper) ON (n.title)",
            "CREATE INDEX paper_title_probe IF NOT EXISTS FOR (n:Paper) ON (n.nonsense",
        ])
    assert schema.in_database(graph) == before
