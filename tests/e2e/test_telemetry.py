"""/metrics in the Prometheus text format, and the request id in the header, the access log and
every error."""

from __future__ import annotations

import json
import logging

import pytest
from prometheus_client.parser import text_string_to_metric_families

from api import telemetry
from kg.db.graph import Graph
from tests.e2e.conftest import Api

UNAUTHENTICATED_UPVOTE = 'mutation { upvote(paperId: "W1") }'


def _samples(api: Api) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = api.client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {(sample.name, frozenset(sample.labels.items())): sample.value
            for family in text_string_to_metric_families(response.text)
            for sample in family.samples}


def _value(samples, name: str, **labels: str) -> float:  # noqa: ANN001
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_graphql_operations_are_counted_by_root_field_and_code(session_graph, api: Api) -> None:
    key = dict(operation="mutation.upvote", code="UNAUTHENTICATED")
    before = _value(_samples(api), "kg_graphql_operations_total", **key)
    assert api.error_code(UNAUTHENTICATED_UPVOTE) == "UNAUTHENTICATED"
    api.data('{ paper(id: "W404") { id } search(query: "x") { id } }')
    after = _samples(api)
    assert _value(after, "kg_graphql_operations_total", **key) == before + 1
    assert _value(after, "kg_graphql_operations_total", operation="query.paper", code="OK") >= 1
    assert _value(after, "kg_graphql_operations_total", operation="query.search", code="OK") >= 1
    assert _value(after, "kg_graphql_operation_seconds_count", operation="mutation.upvote") >= 1


def test_an_invalid_document_is_counted_under_one_bounded_label(session_graph, api: Api) -> None:
    assert api.error_code("{ noSuchField_1234 }") == "BAD_INPUT"
    samples = _samples(api)
    assert _value(samples, "kg_graphql_operations_total", operation="invalid",
                  code="BAD_INPUT") >= 1
    assert not any("noSuchField" in str(labels) for _, labels in samples)


def test_http_requests_are_counted_by_route_and_status(session_graph, api: Api) -> None:
    key = dict(route="/healthz", method="GET", status="200")
    before = _value(_samples(api), "kg_http_requests_total", **key)
    api.client.get("/healthz")
    api.client.get("/healthz")
    after = _samples(api)
    assert _value(after, "kg_http_requests_total", **key) == before + 2
    api.client.get("/no/such/path/1234")
    assert _value(_samples(api), "kg_http_requests_total", route="other", method="GET",
                  status="404") >= 1


def test_metrics_report_the_neo4j_pool_and_cache_lookups(session_graph, api: Api) -> None:
    samples = _samples(api)
    assert _value(samples, "kg_neo4j_pool_max_size") == 100
    assert _value(samples, "kg_neo4j_sessions_in_use") == 0
    before = _value(samples, "kg_cache_lookups_total", cache="test", result="hit")
    telemetry.CACHE_LOOKUPS.labels("test", "hit").inc()
    assert _value(_samples(api), "kg_cache_lookups_total", cache="test", result="hit") == before + 1


def test_a_graph_counts_its_sessions_while_they_work(session_graph: Graph) -> None:
    assert session_graph.sessions_in_use == 0
    assert session_graph.read_transaction(lambda tx: session_graph.sessions_in_use) == 1
    assert session_graph.sessions_in_use == 0


def test_a_request_id_given_by_the_caller_comes_back_in_the_header_and_errors(
    session_graph, api: Api
) -> None:
    response = api.client.post("/graphql", json={"query": UNAUTHENTICATED_UPVOTE},
                               headers={"X-Request-ID": "trace-42.a"})
    assert response.headers["x-request-id"] == "trace-42.a"
    assert response.json()["errors"][0]["extensions"]["requestId"] == "trace-42.a"


@pytest.mark.parametrize("given", [None, "has spaces", "x" * 200, "semi;colon"])
def test_a_missing_or_malformed_request_id_is_replaced_by_a_fresh_one(
    session_graph, api: Api, given: str | None
) -> None:
    headers = {"X-Request-ID": given} if given else {}
    first = api.client.get("/healthz", headers=headers).headers["x-request-id"]
    second = api.client.get("/healthz", headers=headers).headers["x-request-id"]
    assert len(first) == 32 and first != second


def test_json_endpoint_errors_carry_the_request_id(session_graph, api: Api) -> None:
    response = api.client.post("/api/cypher", json={"query": "RETURN 1"},
                               headers={"X-Request-ID": "rest-1"})
    assert response.status_code == 401
    assert response.json()["error"]["requestId"] == "rest-1"


def test_every_access_log_line_names_its_request(session_graph, api: Api, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="api.access"):
        api.client.get("/healthz", headers={"X-Request-ID": "log-7"})
        api.client.post("/graphql", json={"query": "{ __typename }"})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "api.access"]
    assert [line["request_id"] for line in lines][0] == "log-7"
    assert all(line["request_id"] for line in lines) and len(lines) == 2
