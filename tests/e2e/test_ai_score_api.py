"""The AI score on researcher metrics (stored by the read model) on idb03, against the share of
each researcher's works under OpenAlex's subfield Artificial Intelligence in the raw file."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.oracle import Oracle, load_works
from tests.e2e.conftest import Api

AI_SUBFIELD = "subfields/1702"


def test_ai_score_is_the_rounded_share_of_ai_works(idb03_graph: Graph, api: Api) -> None:
    oracle = Oracle.from_works(load_works())
    ai = {p for p, topics in oracle.paper_topics.items()
          if any(oracle.topic_subfield[t] == AI_SUBFIELD for t in topics)}
    ai_works = Counter(a for p in ai for a in oracle.paper_authors[p])
    some_ai = [a for a, _ in ai_works.most_common(8)]
    none_ai = sorted(set(oracle.researchers) - set(ai_works))[:4]
    query = """query ($id: ID!) { researcher(id: $id) { metrics { works aiWorks aiScore } } }"""
    for researcher_id in some_ai + none_ai:
        works = oracle.researchers[researcher_id].works
        expected = math.floor(100 * ai_works[researcher_id] / works + 0.5)
        found = api.data(query, id=researcher_id)["researcher"]["metrics"]
        assert found == {"works": works, "aiWorks": ai_works[researcher_id],
                         "aiScore": expected}, researcher_id
        assert 0 <= found["aiScore"] <= 100


def test_arxiv_categories_count_as_ai_and_follow_a_reingest(graph: Graph, api: Api,
                                                            tmp_path: Path) -> None:
    def land(categories: dict[str, list[str]]) -> None:
        path = tmp_path / "papers.jsonl"
        path.write_text("".join(json.dumps({
            "id": pid, "title": pid, "year": 2024, "categories": cats,
            "authors": [{"id": "A1", "name": "Ada"}]}) + "\n" for pid, cats in categories.items()))
        report = ingest_file(graph, path, FORMATS["jsonl"], 100, tmp_path / "rejects.jsonl")
        assert report.rejected == 0

    query = """{ researcher(id: "A1") { metrics { works aiWorks aiScore } } }"""
    land({"hf:1": ["cs.LG"], "hf:2": ["math.CO"], "hf:3": ["stat.ML", "math.ST"]})
    assert api.data(query)["researcher"]["metrics"] == {"works": 3, "aiWorks": 2, "aiScore": 67}
    land({"hf:1": ["math.CO"], "hf:2": ["math.CO"], "hf:3": ["stat.ML"]})
    assert api.data(query)["researcher"]["metrics"] == {"works": 3, "aiWorks": 1, "aiScore": 33}
