"""Trust on the idb03 works: the propagation computed in Cypher ranks researchers as networkx's
PageRank does on a graph built straight from the raw file; scores, tiers and explanations hold
their documented invariants; claims raise the verification level and the score."""

from __future__ import annotations

import math
from collections.abc import Iterator

import networkx as nx
import pytest

# The public nx.pagerank needs scipy, which the project does not depend on; this is networkx's
# own pure-Python implementation of the same algorithm (same arguments, same dangling rule).
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from kg import cli, trust
from kg.config import Settings
from kg.db import models
from kg.db.graph import Graph
from kg.errors import NotFound
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works, short_id
from testkit.ranking import spearman
from tests.conftest import DatabaseState, load_idb03

AFFILIATION_WEIGHT = 0.25  # the documented walk weight of one researcher-institution link


@pytest.fixture(scope="module")
def trusted_graph(session_graph: Graph, settings: Settings, tmp_path_factory) -> Iterator[Graph]:
    """The idb03 works with trust computed. Computing writes researcher properties, so the shared
    idb03 state is marked stale for the modules that follow."""
    load_idb03(session_graph, settings, tmp_path_factory)
    DatabaseState.loaded = None
    trust.compute(session_graph)
    yield session_graph


@pytest.fixture(scope="module")
def stored(trusted_graph: Graph) -> dict[str, dict]:
    return {row["id"]: row for row in trusted_graph.read("trust_values_all")}


def independent_walk_graph() -> tuple[nx.Graph, dict[str, float]]:
    """Researchers and institutions from the raw file: co-author pairs weighted by shared works,
    researcher-institution links of the authorships weighted 0.25; seeds are the researchers any
    authorship lists with an ORCID (all L1 when nobody has claimed a record), weight 1 each."""
    works = load_works(IDB03_WORKS)
    oracle = Oracle.from_works(works)
    walk = nx.Graph()
    walk.add_nodes_from(oracle.researcher_ids)
    for (a, b), stats in oracle.coauthors.items():
        walk.add_edge(a, b, weight=stats.works)
    seeds: dict[str, float] = {}
    for work in works:
        for authorship in work.get("authorships") or []:
            author = authorship.get("author") or {}
            researcher_id = short_id(author.get("id"))
            if not researcher_id:
                continue
            if author.get("orcid"):
                seeds[researcher_id] = 1.0
            for institution in authorship.get("institutions") or []:
                if institution.get("id"):
                    walk.add_edge(researcher_id, short_id(institution["id"]),
                                  weight=AFFILIATION_WEIGHT)
    return walk, seeds


def test_propagated_trust_ranks_researchers_as_networkx_pagerank(stored: dict[str, dict]) -> None:
    walk, seeds = independent_walk_graph()
    expected = _pagerank_python(walk, alpha=0.85, personalization=seeds, weight="weight",
                                tol=1e-12, max_iter=1000)
    ids = sorted(stored)
    assert set(ids) == {n for n in walk if not n.startswith("I")}
    rho = spearman([stored[i]["propagated"] for i in ids], [expected[i] for i in ids])
    assert rho >= 0.99, rho


def test_scores_lie_in_0_to_100_with_the_tier_of_their_cut_offs(stored: dict[str, dict]) -> None:
    cut_offs = [(75, "Exemplary"), (50, "Trusted"), (25, "Established"), (0, "Emerging")]
    for row in stored.values():
        assert isinstance(row["score"], int) and 0 <= row["score"] <= 100
        assert row["tier"] == next(name for floor, name in cut_offs if row["score"] >= floor)
    assert len({row["tier"] for row in stored.values()}) == 4


def test_levels_follow_orcid_before_any_claim(stored: dict[str, dict]) -> None:
    _, orcid_holders = independent_walk_graph()
    level_one = {rid for rid, row in stored.items() if row["verification_level"] == 1}
    assert level_one == set(orcid_holders)
    assert {row["verification_level"] for row in stored.values()} == {0, 1}
    assert not any(row["claimed"] for row in stored.values())


def test_explanation_shares_add_up_to_one_and_components_to_the_score(
    trusted_graph: Graph, stored: dict[str, dict]
) -> None:
    ids = sorted(stored)[::40]
    for researcher_id in ids:
        explanation = trust.trust_explanation(trusted_graph, researcher_id, top=3)
        points = sum(component.value for component in explanation.components)
        assert [c.name for c in explanation.components] == list(trust.COMPONENTS)
        assert round(points) == explanation.score == stored[researcher_id]["score"]
        if explanation.contributors:
            total = sum(c.share for c in explanation.contributors) + explanation.others
            assert abs(total - 1) <= 1e-9
            shares = [c.share for c in explanation.contributors]
            assert shares == sorted(shares, reverse=True) and len(shares) <= 3
        else:
            assert explanation.others == 0


def test_a_researcher_stores_six_trust_values_and_the_explanation_derives_its_own_points(
    trusted_graph: Graph, stored: dict[str, dict]
) -> None:
    for researcher_id in sorted(stored)[::400]:
        props = trusted_graph.read("researcher_properties", id=researcher_id)[0]["props"]
        assert {key for key in props if key.startswith("trust_")} == {
            "trust_out_weight", "trust_propagated", "trust_from_network", "trust_score",
            "trust_tier", "trust_digest"}
        components = {c.name: c.value for c in
                      trust.trust_explanation(trusted_graph, researcher_id).components}
        assert components["network"] == props["trust_from_network"]
        assert components["verification"] == pytest.approx(20 * props["verification_level"] / 3)
        assert components["works"] == pytest.approx(
            10 * min(1, math.log10(1 + props.get("works", 0)) / math.log10(101)))
        assert components["citations"] == pytest.approx(
            10 * min(1, math.log10(1 + props.get("citations", 0)) / math.log10(10001)))


def test_trust_of_and_trust_for_read_the_stored_values(
    trusted_graph: Graph, stored: dict[str, dict]
) -> None:
    first, second = sorted(stored)[:2]
    found = trust.trust_of(trusted_graph, first)
    assert (found.score, found.tier, found.propagated) == (
        stored[first]["score"], stored[first]["tier"], stored[first]["propagated"])
    batch = trust.trust_for(trusted_graph, [second, "A-missing", first])
    assert [t.researcher_id if t else None for t in batch] == [second, None, first]
    with pytest.raises(NotFound):
        trust.trust_of(trusted_graph, "A-missing")


def test_recomputing_with_kg_trust_compute_gives_identical_values(
    trusted_graph: Graph, stored: dict[str, dict], settings: Settings, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("NEO4J_URI", settings.neo4j_uri)
    monkeypatch.setenv("NEO4J_DATABASE", settings.neo4j_database)
    assert cli.main(["trust", "compute"]) == 0
    assert "iterations (converged" in capsys.readouterr().out
    again = {row["id"]: row for row in trusted_graph.read("trust_values_all")}
    assert again == stored


def test_a_recompute_of_an_unchanged_graph_writes_nothing_and_keeps_every_value(
    trusted_graph: Graph, stored: dict[str, dict]
) -> None:
    run = trust.compute(trusted_graph)
    assert run.written == 0 and run.walk_nodes > len(stored)
    assert set(run.phases) == {"export", "iterate", "score", "write-back"}
    assert {row["id"]: row for row in trusted_graph.read("trust_values_all")} == stored


def test_a_write_back_cut_short_is_finished_by_the_next_compute_writing_only_what_is_missing(
    trusted_graph: Graph, stored: dict[str, dict]
) -> None:
    cut = sorted(stored)[::50]
    institution = min(n for n in independent_walk_graph()[0] if n.startswith("I"))
    assert trusted_graph.write("forget_trust_values", researcher_ids=cut,
                               institution_ids=[institution]) == [
        {"researchers": len(cut), "institutions": 1}]
    run = trust.compute(trusted_graph)
    assert run.written == len(cut) + 1
    assert {row["id"]: row for row in trusted_graph.read("trust_values_all")} == stored


def test_approved_claims_raise_the_level_and_the_score(
    trusted_graph: Graph, stored: dict[str, dict]
) -> None:
    orcid_holders = sorted(i for i, row in stored.items() if row["verification_level"] == 1)
    by_document, by_orcid, by_email = orcid_holders[len(orcid_holders) // 2], *orcid_holders[:2]
    unclaimed = sorted(stored)[-1]
    models.bind(trusted_graph.driver, trusted_graph.settings.neo4j_database)
    orcid = models.Researcher.nodes.get(uid=by_orcid).orcid
    claims = [  # user orcid, researcher, status, (evidence kind, evidence), expected level
        (None, by_document, "approved", ("orcid", "0000-0002-1825-0097"), 2),
        (f"https://orcid.org/{orcid}", by_orcid, "approved", ("orcid", orcid), 3),
        (None, by_email, "approved", ("institutional_email", "someone@kaust.edu.sa"), 3),
        (None, unclaimed, "pending", ("institutional_email", "other@kaust.edu.sa"), None),
    ]
    users = []
    try:
        for n, (user_orcid, researcher_id, status, evidence, _) in enumerate(claims):
            user = models.User(uid=f"U-claim-{n}", email=f"claim{n}@example.org",
                               orcid=user_orcid).save()
            users.append(user)
            user.claims.connect(models.Researcher.nodes.get(uid=researcher_id),
                                {"status": status, "evidence_kind": evidence[0],
                                 "evidence": evidence[1]})
        trust.compute(trusted_graph)
        after = {row["id"]: row for row in trusted_graph.read("trust_values_all")}
        for _, researcher_id, _, _, level in claims:
            if level is None:
                assert after[researcher_id]["claimed"] is False
                assert after[researcher_id]["verification_level"] == stored[researcher_id][
                    "verification_level"]
                continue
            assert (after[researcher_id]["verification_level"], after[researcher_id]["claimed"]) \
                == (level, True)
            assert after[researcher_id]["propagated"] > stored[researcher_id]["propagated"]
            assert after[researcher_id]["score"] > stored[researcher_id]["score"]
    finally:
        for user in users:
            user.delete()
        trust.compute(trusted_graph)
