"""The rows a named query answers are the driver's `Record.data()` of its records, for every kind
of value, built without the driver's exporter on plain values (kg/db/graph.py `_row`), and
taken as the driver built them when the result holds no node, relationship or path (`_rows`)."""

from __future__ import annotations

import pytest

from kg.db.graph import Graph, _rows


def _scratch_rows(graph: Graph) -> tuple[list[dict], list[dict]]:
    query = graph.queries["values_of_every_kind"]

    def both(tx) -> tuple[list[dict], list[dict]]:  # noqa: ANN001 - the named-query view
        rows = tx.run("values_of_every_kind")
        records = list(tx._tx.run(query.text))  # the driver's own records, same transaction
        return rows, [record.data() for record in records]

    try:
        return graph.write_transaction(both)
    finally:
        graph.write("delete_everything", limit=100)


def test_rows_equal_the_drivers_record_data_for_every_kind_of_value(graph: Graph) -> None:
    rows, data = _scratch_rows(graph)
    assert rows[0].keys() == data[0].keys()
    assert rows[0] == data[0]


def test_nodes_inside_maps_and_lists_become_plain_maps(graph: Graph) -> None:
    row = _scratch_rows(graph)[0][0]
    assert row["nodes_in_map"]["first"]["name"] == "a"
    assert row["nodes_in_map"]["rest"][1]["again"]["tags"] == ["x", "y"]
    assert row["nested"] == [{"deep": [1, [2, {"deeper": "x"}]]}, [], {}]


@pytest.mark.parametrize("name", ["node", "relationship", "path"])
def test_graph_values_are_exported_as_the_driver_exports_them(graph: Graph, name: str) -> None:
    rows, data = _scratch_rows(graph)
    assert rows[0][name] == data[0][name]
    assert not hasattr(rows[0][name], "element_id")


def test_rows_of_plain_values_are_the_drivers_own_and_equal_record_data(graph: Graph) -> None:
    text = "UNWIND range(1, 3) AS i RETURN i, [i, {a: [i, null]}] AS nested, {m: 'x'} AS map"
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        records = list(session.run(text))
        result = session.run(text)
        rows = _rows(result)
    assert rows == [record.data() for record in records]
    assert not result.graph().nodes and not result.graph().relationships
