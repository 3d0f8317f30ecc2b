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


def _fulltext_configs(graph: Graph) -> dict[str, dict]:
    return {row["name"]: row["options"]["indexConfig"]
            for row in graph.show("SHOW FULLTEXT INDEXES YIELD name, options")}


def test_every_search_index_is_eventually_consistent_and_the_waiting_ids_one_is_not(
    graph: Graph,
) -> None:
    configs = _fulltext_configs(graph)
    search = {"paper_text", "researcher_name", "topic_name", "institution_name"}
    assert set(configs) == search | {"paper_pending_refs"}
    assert all(configs[name]["fulltext.eventually_consistent"] for name in search)
    waiting = configs["paper_pending_refs"]
    assert not waiting["fulltext.eventually_consistent"]
    assert waiting["fulltext.analyzer"] == "keyword"


def test_schema_apply_retires_the_pending_key_text_index_and_the_key_of_every_paper(
    graph: Graph,
) -> None:
    graph.run_schema_statement(
        "CREATE TEXT INDEX paper_pending_key IF NOT EXISTS FOR (n:Paper) ON (n.pending_key)")
    graph.driver.execute_query(
        "UNWIND range(1, 3) AS i CREATE (:Paper {id: 'W' + i, pending_refs: ['W9', 'W1|2'], "
        "pending_key: '|W9|W1|2|'})")

    schema.apply(graph)

    assert schema.in_database(graph) == schema.declared()
    rows, _, _ = graph.driver.execute_query(
        "MATCH (p:Paper) WHERE p.pending_key IS NOT NULL RETURN count(p) AS keyed")
    assert rows[0]["keyed"] == 0
    waiting = graph.read("ingest/waiting_papers", paper_ids=["W9", "W1|2", "W1"])
    assert sorted((row["citing"], row["cited"]) for row in waiting) == [
        (f"W{i}", ["W9", "W1|2"]) for i in (1, 2, 3)]


def test_schema_apply_rebuilds_a_full_text_index_made_before_it_was_eventually_consistent(
    graph: Graph,
) -> None:
    graph.run_schema_statement("DROP INDEX paper_text")
    graph.run_schema_statement(
        "CREATE FULLTEXT INDEX paper_text FOR (n:Paper) ON EACH [n.title, n.abstract]")
    graph.driver.execute_query("CREATE (:Paper {id: 'W1', title: 'Basin stratigraphy'})")
    assert not _fulltext_configs(graph)["paper_text"]["fulltext.eventually_consistent"]

    schema.apply(graph)

    assert _fulltext_configs(graph)["paper_text"]["fulltext.eventually_consistent"]
    assert schema.in_database(graph) == schema.declared()
    graph.read("admin/await_search")
    rows, _, _ = graph.driver.execute_query(
        "CALL db.index.fulltext.queryNodes('paper_text', 'stratigraphy') YIELD node "
        "RETURN node.id AS id")
    assert [row["id"] for row in rows] == ["W1"]


def test_schema_apply_drops_the_indexes_and_constraints_schema_files_no_longer_declare(
    graph: Graph,
) -> None:
    graph.run_schema_statements([
        "CREATE INDEX paper_novelty_margin IF NOT EXISTS FOR (n:Paper) ON (n.novelty_margin)",
        "CREATE TEXT INDEX `odd``name` IF NOT EXISTS FOR (n:Topic) ON (n.name)",
    ])
    graph.run_schema_statement(
        "CREATE CONSTRAINT retired_key IF NOT EXISTS FOR (n:Source) REQUIRE n.old_key IS UNIQUE")
    assert len(schema.in_database(graph) - schema.declared()) == 3

    assert sorted(schema.apply(graph)) == ["odd`name", "paper_novelty_margin", "retired_key"]

    assert schema.in_database(graph) == schema.declared()
    assert schema.apply(graph) == []


def test_schema_statements_of_one_transaction_land_all_or_none(graph: Graph) -> None:
    before = schema.in_database(graph)
    with pytest.raises(KgError):
        graph.run_schema_statements([
            "CREATE INDEX paper_title_probe IF NOT EXISTS FOR (n:Paper) ON (n.title)",
            "CREATE INDEX paper_title_probe IF NOT EXISTS FOR (n:Paper) ON (n.nonsense",
        ])
    assert schema.in_database(graph) == before
