"""Every named query the API runs, with parameters for the idb03 graph, and their PROFILEd plans
and database hits (tests/integration/test_service_plans.py, test_plan_churn.py).

The names are enumerated from the service modules the API calls (`service_query_names`): a
query added there without an entry here fails the plan tests. Mutations are profiled too,
inside one transaction that is rolled back, after a probe user and claim are created in it.

`python -m testkit.api_queries` loads idb03 into a scratch Neo4j (with `--existing`: into the
empty database of NEO4J_URI), profiles every query and rewrites tests/integration/dbhits.json,
the committed table the churn test holds the database hits against.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg import config
from kg.db import schema
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from kg.nodes import ALL
from testkit import database
from testkit.datasets import IDB03_WORKS, ROOT

HUB = "A5027197211"  # idb03's best-connected researcher
OTHER = "A5085007251"  # one of their co-authors
PAPER = "W4319441783"  # the hub's most cited paper
TOPIC = "T10399"
SUBFIELD = "subfields/1907"
USER = "U-probe"
ALL_TYPES = ["PAPER", "RESEARCHER", "TOPIC", "INSTITUTION", "SOURCE"]

# The modules whose named queries a request can run.
SERVICE_MODULES = ("accounts", "coauthorship", "institutions", "metrics", "neighbourhood",
                   "nodes", "papers", "search", "sources", "topics", "trust")
SERVICE_PACKAGES = ("api",)

# Named queries of those modules that no request runs, with the reason.
NOT_RUN_BY_REQUESTS = {
    "accounts/create_user": "`kg user create` only",
    "trust/walk_extent": "`kg trust compute` only",
    "trust/walk_slice": "`kg trust compute` only",
    "trust/write_walk": "`kg trust compute` only",
    "trust/write_researchers": "`kg trust compute` only",
}

# Created in the probe transaction before the queries run (not profiled).
SETUP = (
    ("accounts/create_user", {"id": USER, "email": "probe@example.org", "name": "Probe",
                              "roles": [], "token_hash": "probe-hash", "orcid": None}),
)

# In the order they run (the mutations build on each other inside the probe transaction).
API_QUERIES: dict[str, dict[str, Any]] = {
    "admin/ping": {},
    "accounts/user_by_token_hash": {"token_hash": "probe-hash"},
    "nodes/node_types_by_ids": {"ids": [HUB, PAPER, TOPIC]},
    "nodes/researchers_by_ids": {"ids": [HUB, OTHER], "shown": ALL.parameter},
    "nodes/researchers_with_metrics_by_ids": {"ids": [HUB, OTHER], "shown": ALL.parameter},
    "nodes/papers_by_ids": {"ids": [PAPER], "shown": ALL.parameter},
    "nodes/topics_by_ids": {"ids": [TOPIC], "shown": ALL.parameter},
    "nodes/institutions_by_ids": {"ids": ["I134085113"]},
    "nodes/sources_by_ids": {"ids": ["S36808561"]},
    "nodes/institutions_of_researchers": {"researcher_ids": [HUB, OTHER]},
    "institutions/researchers_of_institutions": {"institution_ids": ["I134085113"],
                                                 "after_key": None, "limit": 21},
    "institutions/papers_of_institutions": {"institution_ids": ["I134085113"],
                                            "after_key": None, "limit": 21},
    "institutions/partners_of_institutions": {"institution_ids": ["I134085113"],
                                              "after_key": None, "limit": 21},
    "institutions/topic_profiles_of_institutions": {"institution_ids": ["I134085113"],
                                                    "level": "subfield", "first": 10},
    "institutions/children_of_institutions": {"institution_ids": ["I134085113"]},
    "sources/papers_of_sources": {"source_ids": ["S36808561"], "after_key": None, "limit": 21},
    "sources/top_researchers_of_sources": {"source_ids": ["S36808561"], "first": 10},
    "sources/topic_profiles_of_sources": {"source_ids": ["S36808561"], "level": "subfield",
                                          "first": 10},
    "metrics/researcher_metrics": {"researcher_ids": [HUB, OTHER]},
    "trust/of_researchers": {"researcher_ids": [HUB, OTHER]},
    "trust/explanations_of": {"researcher_ids": [HUB, OTHER], "damping": 0.85,
                              "affiliation_weight": 0.25, "top": 5},
    "coauthorship/coauthor_pages": {"requests": [{"researcher_id": HUB, "after": None}],
                                    "limit": 26, "owner": True,
                                    "shown": ALL.parameter},
    "coauthorship/close_collaborators": {"researcher_ids": [HUB], "min_shared_works": 2},
    "coauthorship/researcher_refs": {"researcher_ids": [HUB, OTHER]},
    "coauthorship/collaboration_path": {"from_id": HUB, "to_id": OTHER, "max_hops": 6},
    "coauthorship/suggested_collaborators_of_researchers": {"researcher_ids": [HUB, OTHER],
                                                            "limit": 10, "pool": 50},
    "papers/papers_of_researchers": {"researcher_ids": [HUB], "order": "citations",
                                     "after_key": None, "limit": 21, "owner": True,
                                     "shown": ALL.parameter},
    "papers/papers_with_authors_and_topics_of_researchers": {
        "researcher_ids": [HUB], "order": "citations", "after_key": None, "limit": 21,
        "owner": True, "shown": ALL.parameter},
    "papers/authors_of_papers": {"paper_ids": [PAPER], "shown": ALL.parameter},
    "papers/topics_of_papers": {"paper_ids": [PAPER], "shown": ALL.parameter},
    "papers/authors_and_topics_of_papers": {"paper_ids": [PAPER],
                                             "shown": ALL.parameter},
    "papers/references_of_papers": {"paper_ids": [PAPER], "after_key": None, "limit": 21},
    "papers/cited_by_papers": {"paper_ids": [PAPER], "after_key": None, "limit": 21},
    "papers/similar_papers": {"paper_ids": [PAPER], "first": 10},
    "papers/citations_by_year_of_papers": {"paper_ids": [PAPER]},
    "papers/citations_by_year_of_researchers": {"researcher_ids": [HUB]},
    "papers/trending_papers": {"since": None, "after_key": None, "limit": 21},
    "papers/count_papers_since": {"since": "2024-01-01"},
    "papers/paper_by_source_id": {"id": "10.1016/j.sedgeo.2023.106342",
                                  "dois": ["10.1016/j.sedgeo.2023.106342"],
                                  "arxiv_ids": []},
    "topics/by_id": {"topic_ids": [TOPIC]},
    "topics/adjacent": {"topic_id": TOPIC, "after": None, "first": 11},
    "topics/ancestors": {"topic_ids": [TOPIC]},
    "topics/children": {"topic_id": SUBFIELD},
    "topics/profiles": {"researcher_ids": [HUB], "level": "subfield", "first": 10},
    "topics/top_researchers": {"topic_id": TOPIC, "first": 10},
    "topics/papers_of_topics": {"topic_ids": [TOPIC], "after_key": None, "limit": 21},
    "topics/researchers_of_topics": {"topic_ids": [TOPIC], "after_key": None, "limit": 21},
    "topics/adjacent_of_topics": {"topic_ids": [TOPIC], "after": None, "first": 11,
                                  "owner": True, "top_papers": 10, "shown": ALL.parameter},
    "topics/children_of_topics": {"topic_ids": [SUBFIELD]},
    "topics/top_papers_of_topics": {"topic_ids": [TOPIC], "first": 10,
                                    "shown": ALL.parameter},
    "topics/top_papers_counted": {"topic_ids": [TOPIC], "first": 101,
                                   "shown": ALL.parameter},
    "topics/top_researchers_of_topics": {"topic_ids": [TOPIC], "first": 10},
    "topics/trending": {"since_year": 2020, "level": "topic", "first": 10},
    "topics/map_of_graph": {"first": 40},
    "topics/map_of_researcher": {"researcher_id": HUB, "first": 40},
    "topics/map_details": {"topic_ids": [TOPIC, "T11278"]},
    "explore/neighbourhood": {"id": HUB, "types": ALL_TYPES, "cap": 25,
                              "exact_edges": config.Settings().neighbourhood_exact_edges},
    "explore/neighbourhood_near": {"id": HUB, "types": ALL_TYPES, "cap": 25},
    "explore/search_text": {"query": "basin", "types": ALL_TYPES[:4], "first": 10},
    "accounts/follow_researcher": {"user_id": USER, "researcher_id": HUB},
    "accounts/unfollow_researcher": {"user_id": USER, "researcher_id": HUB},
    "accounts/upvote_paper": {"user_id": USER, "paper_id": PAPER},
    "accounts/set_open_to_collaborate": {"researcher_id": HUB, "open": True},
    "accounts/claims_on_researcher": {"researcher_id": HUB},
    "accounts/lock_researcher": {"researcher_id": HUB},
    "accounts/create_claim": {"claim_id": "C-probe", "user_id": USER, "researcher_id": HUB,
                              "evidence_kind": "orcid", "evidence": "0000-0002-1825-0097"},
    "accounts/claim_by_id": {"claim_id": "C-probe"},
    "accounts/decide_claim": {"claim_id": "C-probe", "status": "approved", "note": None,
                              "reviewer_id": USER},
    "trust/set_verification_level_of": {"researcher_id": HUB},
    "accounts/following_of_users": {"user_ids": [USER], "after_key": None, "limit": 21},
    "accounts/followers_of_researchers": {"researcher_ids": [HUB], "after_key": None,
                                          "limit": 21},
    "accounts/upvotes_of_users": {"user_ids": [USER], "after_key": None, "limit": 21},
    "accounts/claims_of_users": {"user_ids": [USER]},
    "accounts/create_invitation": {"invitation_id": "V-probe", "user_id": USER,
                                   "from_researcher_id": HUB, "to_researcher_id": OTHER,
                                   "message": "Hello"},
    "accounts/invitations_of_users": {"user_ids": [USER]},
}

DBHITS_TABLE = ROOT / "tests" / "integration" / "dbhits.json"
_QUERY_NAME = re.compile(r"""["']([a-z_]+/[a-z_]+)["']""")


@dataclass(frozen=True)
class Profiled:
    operators: tuple[str, ...]  # leaves first, without the `@neo4j` suffix
    db_hits: int
    rows: int


def service_query_names(graph: Graph) -> set[str]:
    """The named queries the API's service modules and the API itself refer to."""
    root = ROOT
    files = [root / "kg" / f"{name}.py" for name in SERVICE_MODULES]
    for package in SERVICE_PACKAGES:
        files += sorted((root / package).rglob("*.py"))
    names = {m for f in files for m in _QUERY_NAME.findall(f.read_text(encoding="utf-8"))}
    return {name for name in names if name in graph.queries}


def profile_api_queries(graph: Graph) -> dict[str, Profiled]:
    """PROFILE every API query on the graph, in one transaction that is rolled back."""
    found: dict[str, Profiled] = {}
    with graph.driver.session(database=graph.settings.neo4j_database) as session:
        tx = session.begin_transaction()
        try:
            for name, params in SETUP:
                graph.queries[name].check(params)
                tx.run(graph.queries[name].text, params).consume()
            for name, params in API_QUERIES.items():
                query = graph.queries[name]
                query.check(params)
                result = tx.run("PROFILE " + query.text, params)
                rows = len(list(result))
                found[name] = _profiled(result.consume().profile, rows)
        finally:
            tx.rollback()
    return found


def _profiled(plan: dict[str, Any], rows: int) -> Profiled:
    operators: list[str] = []
    hits = 0

    def visit(node: dict[str, Any]) -> None:
        nonlocal hits
        for child in node.get("children", []):
            visit(child)
        operators.append(node["operatorType"].split("@")[0])
        hits += int(node.get("dbHits", 0))

    visit(plan)
    return Profiled(tuple(operators), hits, rows)


def read_table(path: Path = DBHITS_TABLE) -> dict[str, int]:
    queries = json.loads(path.read_text(encoding="utf-8"))["queries"]
    return {name: entry["db_hits"] for name, entry in queries.items()}


def write_table(found: dict[str, Profiled], path: Path = DBHITS_TABLE) -> None:
    table = {
        "about": "dbHits of every named query the API runs, on a fresh database holding idb03 "
                 "(testkit/api_queries.py). Regenerate: .venv/bin/python -m testkit.api_queries",
        "queries": {name: {"db_hits": p.db_hits, "rows": p.rows} for name, p in found.items()},
    }
    path.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")


def load_idb03(graph: Graph) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        report = ingest_file(graph, IDB03_WORKS, FORMATS["openalex"], 1000,
                             Path(scratch) / "rejects.jsonl")
    if report.rejected:
        raise RuntimeError(f"idb03 ingest rejected {report.rejected} records")


def main() -> int:
    settings = config.from_env()
    if "--existing" in sys.argv[1:]:
        return _measure(settings)
    scratch = database.on_free_ports(settings)
    with database.scratch_server(scratch, settings.state_dir / "neo4j-dbhits"):
        return _measure(scratch)


def _measure(settings: config.Settings) -> int:
    graph = database.connect(settings)
    try:
        if graph.read("count_nodes")[0]["nodes"]:
            print("testkit.api_queries: the database is not empty", file=sys.stderr)
            return 1
        schema.apply(graph)
        load_idb03(graph)
        found = profile_api_queries(graph)
        write_table(found)
        database.delete_everything(graph)
    finally:
        graph.close()
    for name, p in found.items():
        print(f"{p.db_hits:>9}  {name}")
    print(f"written {DBHITS_TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
