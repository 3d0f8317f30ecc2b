"""Full-text search and autocomplete on the idb03 works."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from kg import search
from kg.db.graph import Graph
from kg.errors import BadInput
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.datasets import IDB03_WORKS
from testkit.oracle import load_works, short_id

HOSTILE = ['foo AND (bar', '*', '\\', 'title:x', '~~~', '"unbalanced', 'a OR', 'NOT', '[1 TO',
           '{}', '^2', '&& ||', 'x~0.5', '/regex/', '?', 'a:b:c', '"', '-', '+', '!!', '((((']


@pytest.fixture(scope="module")
def works() -> list[dict]:
    return load_works(IDB03_WORKS)


def test_a_paper_is_found_by_a_word_only_its_title_has(idb03_graph: Graph, works) -> None:
    words = Counter(w for work in works
                    for w in set(re.findall(r"[a-z]{9,}", (work.get("title") or "").lower())))
    word = min(w for w, n in words.items() if n == 1)
    paper = next(short_id(w["id"]) for w in works if word in (w.get("title") or "").lower())
    hits = search.search(idb03_graph, word.upper(), types=["PAPER"], first=5)
    assert hits[0].id == paper and hits[0].type == "PAPER" and hits[0].score == 1.0
    assert paper in {h.id for h in search.search(idb03_graph, word, first=20)}


def test_a_researcher_is_completed_from_a_name_prefix(idb03_graph: Graph, works) -> None:
    names = Counter()
    ids = {}
    for work in works:
        for authorship in work.get("authorships") or []:
            author = authorship.get("author") or {}
            if author.get("id") and author.get("display_name"):
                names[author["display_name"]] += 1
                ids[author["display_name"]] = short_id(author["id"])
    name = next(n for n, _ in names.most_common()
                if len(n.split()) == 2 and sum(1 for m in ids if m == n) == 1
                and all(len(part) > 4 and part.isalpha() for part in n.split()))
    first_name, last_name = name.split()
    hits = search.autocomplete(idb03_graph, f"{first_name} {last_name[:3]}",
                               types=["RESEARCHER"], first=10)
    assert ids[name] in {h.id for h in hits}
    assert all(h.type == "RESEARCHER" for h in hits)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_searched_as_plain_text_never_an_error(idb03_graph: Graph,
                                                                 text: str) -> None:
    assert isinstance(search.search(idb03_graph, text), list)
    assert isinstance(search.autocomplete(idb03_graph, text), list)


def test_blank_input_is_bad_input(idb03_graph: Graph) -> None:
    for text in ("", "   ", "\t\n"):
        with pytest.raises(BadInput):
            search.search(idb03_graph, text)
        with pytest.raises(BadInput):
            search.autocomplete(idb03_graph, text)
    with pytest.raises(BadInput):
        search.search(idb03_graph, "basin", types=["GALAXY"])


def test_hits_of_all_types_are_merged_by_score_relative_to_each_type_best(
        idb03_graph: Graph) -> None:
    hits = search.search(idb03_graph, "arabia", first=40)
    assert {h.type for h in hits} >= {"PAPER", "INSTITUTION"}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for kind in {h.type for h in hits}:
        assert max(h.score for h in hits if h.type == kind) == 1.0
    only_topics = search.search(idb03_graph, "geology", types=["TOPIC"], first=5)
    assert only_topics and {h.type for h in only_topics} == {"TOPIC"}
    assert len(search.search(idb03_graph, "basin", first=3)) == 3
    assert search.search(idb03_graph, "basin", types=["SOURCE"]) == []


def test_lucene_syntax_is_escaped() -> None:
    assert search.lucene_terms('foo AND (bar') == r"foo and \(bar"
    assert search.lucene_terms('title:x "y" a/b') == r'title\:x \"y\" a\/b'
    assert search.lucene_terms('*  ~~~ \\') == ""
    assert search.lucene_prefix("Al-Gha") == "+al +(gha* gha)"


def test_a_paper_is_found_by_search_as_soon_as_its_ingest_returns(graph: Graph, works,
                                                                    tmp_path) -> None:
    path = tmp_path / "works.jsonl"
    path.write_text("".join(json.dumps(work) + "\n" for work in works[:40]))
    words = Counter(w for work in works[:40]
                    for w in set(re.findall(r"[a-z]{9,}", (work.get("title") or "").lower())))
    word = min(w for w, n in words.items() if n == 1)
    paper = next(short_id(w["id"]) for w in works[:40] if word in (w.get("title") or "").lower())

    ingest_file(graph, path, FORMATS["openalex"], 10, tmp_path / "rejects.jsonl")

    assert paper in {h.id for h in search.search(graph, word, types=["PAPER"], first=5)}
