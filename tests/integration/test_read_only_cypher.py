import json

import pytest

from kg import cypher
from kg.db.graph import Graph
from kg.errors import BadInput, Forbidden, QueryTimeout, QueryTooLarge

WRITES = [
    "CREATE (n:Paper {id: 'W-new'}) RETURN n",
    "MERGE (n:Paper {id: 'W-new'})",
    "MATCH (n:Paper) SET n.title = 'x'",
    "MATCH (n:Paper) DETACH DELETE n",
    "MATCH (n:Paper) REMOVE n.title",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL () { MATCH (n:Paper) RETURN n } IN TRANSACTIONS RETURN 1",
    "MATCH (n:Paper) CALL (n) { SET n.title = 'x' } IN TRANSACTIONS",
    "CREATE INDEX sneaky IF NOT EXISTS FOR (n:Paper) ON (n.title)",
    "DROP CONSTRAINT paper_id",
    "CALL db.createLabel('Sneaky')",
    "CALL db.createProperty('sneaky')",
]


@pytest.mark.parametrize("query", WRITES)
def test_a_query_that_writes_is_refused_before_it_runs(graph: Graph, query: str) -> None:
    graph.write("accounts/create_user", id="U1", email="a@example.org", name=None, roles=[],
                token_hash="h", orcid=None)
    before = graph.read("graph_census")
    with pytest.raises((Forbidden, BadInput)):
        cypher.run_read_only(graph, query)
    assert graph.read("graph_census") == before
    names = {row["name"] for row in graph.show("SHOW INDEXES YIELD name")}
    assert "sneaky" not in names


def test_a_read_returns_rows_as_json_values(graph: Graph) -> None:
    graph.driver.execute_query("CREATE (:Paper {id: 'W1', title: 'T', year: 2020})")
    result = cypher.run_read_only(graph, "MATCH (p:Paper) RETURN p.id AS id, p")
    assert result.columns == ["id", "p"]
    assert result.rows[0]["id"] == "W1"
    assert result.rows[0]["p"]["labels"] == ["Paper"]
    assert result.rows[0]["p"]["properties"]["year"] == 2020


def test_rows_are_capped(graph: Graph) -> None:
    result = cypher.run_read_only(graph, "UNWIND range(1, 50) AS x RETURN x", row_cap=10)
    assert len(result.rows) == 10 and result.truncated


def test_the_answer_is_capped_in_bytes_as_well_as_rows(graph: Graph) -> None:
    query = "UNWIND range(1, 100) AS x RETURN x, $text AS text"

    result = cypher.run_read_only(graph, query, {"text": "y" * 1000}, byte_cap=10_000)

    assert result.truncated and 5 <= len(result.rows) < 10
    assert len(json.dumps(result.rows)) <= 10_000


def test_an_answer_whose_first_row_is_over_the_byte_cap_is_too_large(graph: Graph) -> None:
    with pytest.raises(QueryTooLarge):
        cypher.run_read_only(graph, "RETURN range(1, 100000) AS xs", byte_cap=10_000)


def test_a_runaway_query_times_out(graph: Graph) -> None:
    runaway = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)"
    with pytest.raises(QueryTimeout):
        cypher.run_read_only(graph, runaway, timeout=1.0)


def test_invalid_cypher_is_bad_input(graph: Graph) -> None:
    with pytest.raises(BadInput):
        cypher.run_read_only(graph, "MATCH (n")
