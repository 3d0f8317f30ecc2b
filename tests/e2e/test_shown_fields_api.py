"""A request reads only the node fields its document selects (api/graphql/shown.py), and each
field, selected alone, answers exactly as it does beside every other field: through the root
field, pages of co-authors and papers, a paper's authors and topics, and a topic's adjacent
topics and top papers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.graphql.shown import READS
from kg.config import Settings
from kg.db.graph import Graph
from kg.db.queries import Query
from tests.e2e.conftest import Api

# the fields of each node type that read the node (the others read by id)
SHOWN_FIELDS = {
    type_name: [name if reads != ("source_id",) and reads != ("parent_id",) else f"{name} {{ id }}"
                for name, reads in fields.items() if reads]
    for type_name, fields in READS.items()
}


def _request(researcher: list[str], paper: list[str], topic: list[str]) -> str:
    r, p, t = (" ".join(["id", *f]) for f in (researcher, paper, topic))
    return f"""query ($id: ID!, $topic: ID!) {{
      researcher(id: $id) {{ {r}
        coauthors(first: 5) {{ edges {{ node {{ {r} }} }} }}
        papers(first: 5, orderBy: CITATIONS) {{ edges {{ node {{ {p}
          authors {{ researcher {{ {r} }} }} topics {{ topic {{ {t} }} }} }} }} }} }}
      topic(id: $topic) {{ {t}
        adjacentTopics(first: 5) {{ edges {{ node {{ {t} }} }} }}
        topPapers(first: 5) {{ {p} }} }}
    }}"""


@pytest.fixture
def uncached(settings: Settings) -> Iterator[Api]:
    """Without the response cache, and with time for the first plans of this request's ten
    queries on a loaded machine (the API plans them at start-up; the tests' app does not)."""
    no_cache = Settings(**{**settings.__dict__, "response_cache_entries": 0,
                           "request_deadline": 300.0})
    with TestClient(create_app(no_cache)) as client:
        yield Api(client)


def _ids(graph: Graph) -> dict[str, str]:
    _, rows, _ = graph.run_read_only(
        "MATCH (r:Researcher) WITH r ORDER BY COUNT { (r)-[:COAUTHOR]-() } DESC LIMIT 1 "
        "MATCH (t:Topic {level: 'topic'}) WITH r, t ORDER BY t.papers DESC LIMIT 1 "
        "RETURN r.id AS id, t.id AS topic", {}, 10.0, 1, 1_000_000)
    return rows[0]


def _within(part: Any, whole: Any, path: str = "") -> None:
    """Every value of `part` equals the value at the same place in `whole`."""
    if isinstance(part, dict):
        for key, value in part.items():
            _within(value, whole[key], f"{path}.{key}")
    elif isinstance(part, list):
        assert len(part) == len(whole), path
        for i, (a, b) in enumerate(zip(part, whole, strict=True)):
            _within(a, b, f"{path}[{i}]")
    else:
        assert part == whole, path


def test_each_node_field_alone_answers_as_beside_every_other(idb03_graph, uncached) -> None:
    ids = _ids(idb03_graph)
    every = uncached.data(_request(SHOWN_FIELDS["Researcher"], SHOWN_FIELDS["Paper"],
                                   SHOWN_FIELDS["Topic"]), **ids)
    assert every["researcher"]["papers"]["edges"] and every["topic"]["topPapers"]
    for type_name, fields in SHOWN_FIELDS.items():
        for field in fields:
            alone = {t: [field] if t == type_name else [] for t in SHOWN_FIELDS}
            answer = uncached.data(_request(alone["Researcher"], alone["Paper"], alone["Topic"]),
                                   **ids)
            _within(answer, every)


def test_a_request_reads_only_the_node_fields_it_selects(idb03_graph, uncached,
                                                         monkeypatch) -> None:
    sent: list[dict[str, Any]] = []
    check = Query.check

    def recorded(query: Query, params: Any) -> None:
        if "shown" in params:
            sent.append(params["shown"])
        check(query, params)

    monkeypatch.setattr(Query, "check", recorded)
    assert uncached.data(_request(["name"], ["title", "source { id }"], ["level"]),
                         **_ids(idb03_graph))
    assert sent and all(shown == {"paper": {"source_id": True, "title": True},
                                  "researcher": {"name": True}, "topic": {"level": True}}
                        for shown in sent)
