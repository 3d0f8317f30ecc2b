"""Bad input loses nothing and stops nothing: every bad line is in `<input>.rejects.jsonl` with its
line number and reason, every good line lands, and the exit status says what happened."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.db.graph import Graph
from testkit.datasets import IDB03_WORKS
from testkit.oracle import load_works, work_id
from tests.integration.kg_process import kg_env, run_kg


@pytest.fixture(scope="module")
def works() -> list[dict]:
    return load_works(IDB03_WORKS)[:40]


def _line(work: dict) -> bytes:
    return json.dumps(work, ensure_ascii=False).encode()


def _rejects(input_path: Path) -> list[dict]:
    rejects = input_path.with_name(input_path.name + ".rejects.jsonl")
    return [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]


def _paper_ids(graph: Graph) -> set[str]:
    return {row["id"] for row in graph.read("all_paper_ids")}


def test_each_broken_line_is_rejected_with_its_line_number_and_reason_and_the_rest_lands(
    graph: Graph, settings, works: list[dict], tmp_path: Path
) -> None:
    without_id = {k: v for k, v in works[12].items() if k != "id"}
    year_as_text = {**works[13], "publication_year": "2015"}
    bad_utf8 = _line(works[14]).replace(b'"title": "', b'"title": "\xff\xfe', 1)
    broken = {
        3: (b'{"id": "https://openalex.org/W1", "title": ', "not JSON"),
        5: (b"[" + _line(works[11]) + b"]", "not a JSON object but a list"),
        7: (_line(without_id), "record has no 'id'"),
        9: (_line(year_as_text), "field 'publication_year' must be an integer, got str"),
        11: (bad_utf8, "not UTF-8"),
    }
    good = iter(works[:10] + works[15:30])
    lines = [broken[n][0] if n in broken else _line(next(good)) for n in range(1, 31)]
    path = tmp_path / "works.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    result = run_kg(kg_env(settings, tmp_path / "state"), "ingest", "openalex", str(path))

    assert result.returncode == 2, result.stderr
    assert "read 30, written 25, rejected 5" in result.stdout
    rejects = _rejects(path)
    assert [r["line"] for r in rejects] == sorted(broken)
    for reject in rejects:
        assert broken[reject["line"]][1] in reject["reason"]
        assert reject["file"] == str(path)
    assert rejects[1]["raw"] == lines[4].decode()
    assert _paper_ids(graph) == {work_id(w) for w in works[:10] + works[15:30]}


def test_a_gzip_cut_short_lands_every_line_before_the_cut_and_rejects_the_rest(
    graph: Graph, settings, works: list[dict], tmp_path: Path
) -> None:
    whole = gzip.compress(b"\n".join(_line(w) for w in works) + b"\n")
    path = tmp_path / "works.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])

    result = run_kg(kg_env(settings, tmp_path / "state"), "ingest", "openalex", str(path))

    assert result.returncode == 2, result.stderr
    [reject] = _rejects(path)
    assert "compressed stream ends early" in reject["reason"]
    complete_lines = reject["line"] - 1
    assert 0 < complete_lines < len(works)
    assert _paper_ids(graph) == {work_id(w) for w in works[:complete_lines]}


def test_a_clean_file_exits_0_and_leaves_no_rejects_file(
    graph: Graph, settings, works: list[dict], tmp_path: Path
) -> None:
    path = tmp_path / "works.jsonl"
    path.write_bytes(b"\n".join(_line(w) for w in works[:5]) + b"\n")

    result = run_kg(kg_env(settings, tmp_path / "state"), "ingest", "openalex", str(path))

    assert result.returncode == 0, result.stderr
    assert "read 5, written 5, rejected 0" in result.stdout
    assert not path.with_name(path.name + ".rejects.jsonl").exists()


@pytest.mark.parametrize("content", [b"", b"not json\n[1, 2]\n"], ids=["empty", "all-broken"])
def test_a_file_with_nothing_readable_exits_1(
    graph: Graph, settings, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "works.jsonl"
    path.write_bytes(content)

    result = run_kg(kg_env(settings, tmp_path / "state"), "ingest", "openalex", str(path))

    assert result.returncode == 1, result.stdout + result.stderr
    assert _paper_ids(graph) == set()
