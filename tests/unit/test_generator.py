"""The scale generator: the same seed gives the same bytes, and what it writes is OpenAlex as the
ingest reads it (every work parses; researchers, institutions, topics and citations link up)."""

from __future__ import annotations

import gzip
import json
from collections import Counter

from kg.ingest.openalex import parse_work
from testkit import generator


def _works(path) -> list[dict]:
    with gzip.open(path, "rt") as lines:
        return [json.loads(line) for line in lines]


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_works(tmp_path) -> None:
    first, again, other = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz", tmp_path / "c.jsonl.gz"
    assert generator.write(first, 300, seed=3) == 300
    generator.write(again, 300, seed=3)
    generator.write(other, 300, seed=4)
    assert gzip.decompress(first.read_bytes()) == gzip.decompress(again.read_bytes())
    assert gzip.decompress(first.read_bytes()) != gzip.decompress(other.read_bytes())


def test_a_range_is_the_same_works_as_that_part_of_the_whole_generation(tmp_path) -> None:
    whole, head, tail = tmp_path / "w.jsonl", tmp_path / "h.jsonl", tmp_path / "t.jsonl"
    generator.write(whole, 400, seed=5)
    assert generator.write(head, 400, seed=5, stop=250) == 250
    assert generator.write(tail, 400, seed=5, start=250) == 150
    assert head.read_text() + tail.read_text() == whole.read_text()


def test_every_generated_work_parses_and_links_to_the_rest(tmp_path) -> None:
    path = tmp_path / "works.jsonl.gz"
    generator.write(path, 2000, seed=7)
    works = _works(path)
    papers = [parse_work(work) for work in works]
    ids = {paper.id for paper in papers}
    assert len(ids) == 2000
    authorships = Counter(a.researcher.id for p in papers for a in p.authorships)
    assert 4.0 <= sum(authorships.values()) / len(papers) <= 6.0
    assert sum(1 for n in authorships.values() if n > 1) > len(authorships) / 5  # repeat authors
    assert any(a.institutions and a.institutions[0].lineage for p in papers for a in p.authorships)
    assert sum(len(p.topics) for p in papers) / len(papers) > 2.5
    assert all(t.ancestors[-1].level == "domain" for p in papers for t in p.topics)
    inside = sum(1 for p in papers for ref in p.references if ref in ids)
    assert 1.5 <= inside / len(papers) <= 3.5
    years = [p.year for p in papers]
    assert years == sorted(years) and min(years) < 2000 < max(years)


def test_a_hyperauthored_consortium_paper_appears_once_in_ten_thousand_works() -> None:
    works = generator.Generator(generator.HYPERAUTHORED_EVERY, seed=1)
    counts = [len(work["authorships"]) for work in works]
    assert sum(1 for n in counts if n > 1000) == 1
    assert max(counts) >= generator.CONSORTIUM_SIZES[0]


def test_the_bytes_do_not_depend_on_the_number_of_processes_nor_on_writing_parts_at_once(
    tmp_path,
) -> None:
    works = 2 * generator.CHUNK + 300
    alone, together = tmp_path / "alone.jsonl.gz", tmp_path / "together.jsonl.gz"
    head, tail = tmp_path / "head.jsonl", tmp_path / "tail.jsonl"
    assert generator.write(alone, works, seed=9, processes=1) == works
    assert generator.write(together, works, seed=9, processes=2) == works
    assert gzip.decompress(alone.read_bytes()) == gzip.decompress(together.read_bytes())
    middle = generator.CHUNK + 10
    assert generator.write_parts(works, 9, [(head, 0, middle), (tail, middle, works)],
                                 processes=2) == [middle, works - middle]
    assert (head.read_bytes() + tail.read_bytes()) == gzip.decompress(alone.read_bytes())


def test_a_path_without_gz_gets_plain_json_lines(tmp_path) -> None:
    path = tmp_path / "w.jsonl"
    generator.write(path, 50, seed=2, processes=1)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50
    assert all(json.loads(line)["id"].startswith("https://openalex.org/W") for line in lines)
