"""The API's plan warm-up (kg/db/warmup.py) on real Neo4j: it runs every read query a request
runs, Neo4j keeps their plans, a refused query or a server gone ends nothing but itself, and a
process warms each server once."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from starlette.testclient import TestClient

from api.app import create_app
from kg.config import Settings
from kg.db.graph import Graph
from kg.db.queries import QueryLibrary, cypher_body
from kg.db.warmup import PlanWarmer, plans_to_warm, warm_plans
from testkit.api_queries import HUB, NOT_RUN_BY_REQUESTS, service_query_names
from testkit.ports import free_port

WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b", re.IGNORECASE)


def warming(settings: Settings) -> Settings:
    return dataclasses.replace(settings, warm_plan_seconds=300.0)


def cached_plans_cleared(graph: Graph) -> int:
    """Empty Neo4j's query caches; how many plans they held."""
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        message = session.run("CALL db.clearQueryCaches()").single()[0]
    found = re.search(r"(\d+)", message)
    return int(found.group(1)) if found else 0


def test_every_read_query_a_request_runs_is_warmed(session_graph: Graph) -> None:
    reads = {name for name in service_query_names(session_graph)
             if name not in NOT_RUN_BY_REQUESTS
             and not WRITES.search(cypher_body(session_graph.queries[name].text))}
    assert reads - set(plans_to_warm(session_graph.queries)) == set()


def test_every_example_runs_on_idb03(idb03_graph: Graph, settings: Settings) -> None:
    warmed = warm_plans(idb03_graph.driver, warming(settings), idb03_graph.queries)
    assert warmed.failed == {}
    assert warmed.planned == plans_to_warm(idb03_graph.queries)


def test_warmed_plans_are_kept_by_neo4j(session_graph: Graph, settings: Settings,
                                        tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    for n in range(3):  # no parameters: no statement but these three is planned
        (tmp_path / "papers" / f"kept_{n}.cypher").write_text(
            f"// papers/kept_{n}: a constant\n// Returns: x\nRETURN {n} AS x\n")
    cached_plans_cleared(session_graph)
    warmed = warm_plans(session_graph.driver, warming(settings), QueryLibrary(tmp_path))
    assert len(warmed.planned) == 3
    assert cached_plans_cleared(session_graph) >= 3  # with at most the first clear's own


def test_a_refused_query_is_noted_and_the_next_one_runs(
        graph: Graph, settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "refused.cypher").write_text(
        "// papers/refused: a function the server does not know, called longest first\n"
        "// Returns: x\n/*\n:params {id: \"W1\", padding: \"" + "p" * 200 + "\"}\n*/\n"
        "RETURN no_such_function($id) AS x, $padding AS padding\n")
    (tmp_path / "papers" / "answered.cypher").write_text(
        "// papers/answered: one row\n// Returns: id\n/*\n:params {id: \"W1\"}\n*/\n"
        "RETURN $id AS id\n")
    (tmp_path / "papers" / "writes.cypher").write_text(
        "// papers/writes: never run by the warm-up\n// Returns: nothing\n"
        "/*\n:params {id: \"W1\"}\n*/\nMERGE (:Paper {id: $id})\n")
    queries = QueryLibrary(tmp_path)
    warmed = warm_plans(graph.driver, warming(settings), queries)
    assert list(warmed.failed) == ["papers/refused"]
    assert warmed.failed["papers/refused"].startswith("Neo.ClientError.Statement")
    assert warmed.planned == ["papers/answered"]
    assert graph.read("count_nodes")[0]["nodes"] == 0


def test_the_warm_up_ends_quietly_when_neo4j_is_gone(graph: Graph, settings: Settings) -> None:
    gone = dataclasses.replace(warming(settings), neo4j_uri=f"bolt://127.0.0.1:{free_port()}")
    with Graph(gone) as unreachable:
        warmed = warm_plans(unreachable.driver, gone, unreachable.queries)
    assert warmed.planned == []
    [(name, reason)] = warmed.failed.items()
    assert name == plans_to_warm(unreachable.queries)[0]
    assert reason.startswith("Neo4j went away")


def test_a_process_warms_each_server_once_and_not_at_all_when_turned_off(
        settings: Settings) -> None:
    gone = dataclasses.replace(warming(settings), neo4j_uri=f"bolt://127.0.0.1:{free_port()}")
    with Graph(gone) as unreachable:
        first = PlanWarmer.start(unreachable.driver, gone, unreachable.queries)
        again = PlanWarmer.start(unreachable.driver, gone, unreachable.queries)
        assert first is not None and again is None
        assert first.done.wait(60)
        assert first.warmed is not None and len(first.warmed.failed) == 1
    off = dataclasses.replace(settings, neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
                              warm_plan_seconds=0)
    with Graph(off) as unwarmed:
        assert PlanWarmer.start(unwarmed.driver, off, unwarmed.queries) is None


def test_the_api_warms_in_the_background_and_answers_meanwhile(
        idb03_graph: Graph, settings: Settings) -> None:
    # the session server by another name, which this process has not warmed
    renamed = dataclasses.replace(warming(settings),
                                  neo4j_uri=settings.neo4j_uri.replace("127.0.0.1", "localhost"))
    app = create_app(renamed)
    with TestClient(app) as client:
        warmer = app.state.plan_warmer
        response = client.post("/graphql",
                               json={"query": f'{{ researcher(id: "{HUB}") {{ name }} }}'})
        assert response.status_code == 200 and "errors" not in response.json()
        assert warmer is not None and warmer.done.wait(600)
    assert warmer.warmed is not None and warmer.warmed.failed == {}
    assert warmer.warmed.planned == plans_to_warm(idb03_graph.queries)
