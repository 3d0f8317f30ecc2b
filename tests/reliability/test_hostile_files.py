"""Hostile input files for `kg ingest`: a record the database refuses, JSON nested 100,000 deep,
a gzip bomb, ids that claim another node type's id. Each bad line is rejected with its reason,
the rest lands, memory stays bounded and the rejects file small."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from kg.db.graph import Graph
from kg.ingest.rejects import MAX_RAW_CHARS
from testkit.datasets import IDB03_WORKS
from testkit.oracle import load_works, work_id
from tests.integration.kg_process import kg_command, kg_env, run_kg

GIB = 1024 ** 3


@pytest.fixture(scope="module")
def works() -> list[dict]:
    return load_works(IDB03_WORKS)[:6]


def _jsonl(path: Path, lines: list[bytes | dict]) -> Path:
    path.write_bytes(b"".join(
        (line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n"
        for line in lines))
    return path


def _rejects(input_path: Path) -> dict[int, dict]:
    rejects = input_path.with_name(input_path.name + ".rejects.jsonl")
    return {r["line"]: r for r in map(json.loads, rejects.read_text("utf-8").splitlines())}


def _paper_ids(graph: Graph) -> set[str]:
    return {row["id"] for row in graph.read("all_paper_ids")}


def _own(paper_id: str, **fields: object) -> dict:
    return {"id": paper_id, "title": f"Paper {paper_id}", **fields}


def test_a_record_the_database_refuses_is_rejected_with_its_reason_and_the_rest_lands(
    graph: Graph, settings, tmp_path: Path
) -> None:
    huge_doi = "10.1234/" + "x" * 100_000  # over the size a Neo4j index entry may have
    path = _jsonl(tmp_path / "papers.jsonl", [
        _own("hf:1"),
        _own("hf:" + "9" * 100_000),
        _own("hf:3", doi=huge_doi),
        _own("hf:4", authors=[{"name": "Ada " + "Lovelace" * 20_000}]),
        _own("hf:5"),
    ])

    result = run_kg(kg_env(settings, tmp_path / "state"), "ingest", "jsonl", str(path))

    assert result.returncode == 2, result.stdout + result.stderr
    assert "read 5, written 2, rejected 3" in result.stdout
    rejects = _rejects(path)
    assert sorted(rejects) == [2, 3, 4]
    assert "longer than 256 characters" in rejects[2]["reason"]
    for line in (3, 4):
        assert rejects[line]["reason"].startswith("refused by the database"), rejects[line]
    assert all(len(reject["raw"]) <= MAX_RAW_CHARS for reject in rejects.values())
    assert _paper_ids(graph) == {"hf:1", "hf:5"}


def test_json_nested_100000_deep_is_rejected_and_reading_goes_on(
    graph: Graph, settings, works: list[dict], tmp_path: Path
) -> None:
    deep = 100_000
    path = _jsonl(tmp_path / "works.jsonl", [
        works[0],
        b"[" * deep + b"]" * deep,
        works[1],
        b'{"a": ' * deep + b"1" + b"}" * deep,
        {**works[2], "abstract_inverted_index": json.loads("[" * 100 + "]" * 100)},
        works[3],
    ])

    result = run_kg(kg_env(settings, tmp_path / "state"), "ingest", "openalex", str(path))

    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "read 6, written 3, rejected 3" in result.stdout
    rejects = _rejects(path)
    assert sorted(rejects) == [2, 4, 5]
    assert all("nested deeper than 64 levels" in r["reason"] for r in rejects.values())
    assert _paper_ids(graph) == {work_id(w) for w in works[:4] if w is not works[2]}


def _gzip_bomb(path: Path, before: dict, after: dict) -> Path:
    """One good line, one line of 1 GiB of zeros (about 1 MB compressed), one good line."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    zeros = bytes(16 * 1024 * 1024)
    with path.open("wb") as out:
        out.write(compressor.compress(json.dumps(before).encode() + b"\n"))
        for _ in range(GIB // len(zeros)):
            out.write(compressor.compress(zeros))
        out.write(compressor.compress(b"\n" + json.dumps(after).encode() + b"\n"))
        out.write(compressor.flush())
    return path


def test_a_gzip_bomb_is_read_in_bounded_memory_and_leaves_a_small_rejects_file(
    graph: Graph, settings, works: list[dict], tmp_path: Path
) -> None:
    path = _gzip_bomb(tmp_path / "bomb.jsonl.gz", works[0], works[1])
    assert path.stat().st_size < 2 * 1024 * 1024
    # the peak memory of the kg process alone, measured by a parent of its own
    measure = ("import resource, subprocess, sys; "
               "code = subprocess.run(sys.argv[1:]).returncode; "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)")
    result = subprocess.run(
        [sys.executable, "-c", measure, *kg_command("ingest", "openalex", str(path))],
        env=kg_env(settings, tmp_path / "state"), capture_output=True, text=True, timeout=600)

    *_, peak_kib, code = result.stdout.split()
    assert int(code) == 2, result.stdout + result.stderr
    assert "read 3, written 2, rejected 1" in result.stdout
    peak = int(peak_kib) * 1024
    print(f"gzip bomb: peak RSS of kg ingest {peak / 2**20:.0f} MiB for a 1 GiB line")
    assert peak < 400 * 2**20
    rejects_file = path.with_name(path.name + ".rejects.jsonl")
    assert rejects_file.stat().st_size < 10_000
    [reject] = _rejects(path).values()
    assert reject["line"] == 2 and "longer than 16777216 bytes" in reject["reason"]
    assert _paper_ids(graph) == {work_id(works[0]), work_id(works[1])}


def _author(work: dict, index: int, author_id: str) -> dict:
    authorships = [dict(a) for a in work["authorships"]]
    authorships[index] = {**authorships[index],
                          "author": {**authorships[index]["author"], "id": author_id}}
    return {**work, "authorships": authorships}


def test_an_id_of_another_node_type_is_rejected_so_no_two_nodes_share_an_id(
    graph: Graph, settings, works: list[dict], tmp_path: Path
) -> None:
    openalex = _jsonl(tmp_path / "works.jsonl", [
        works[0],
        _author(works[1], 0, "https://openalex.org/" + work_id(works[0])),
        {**works[2], "id": "https://openalex.org/A5023888391"},
    ])
    own = _jsonl(tmp_path / "papers.jsonl", [
        _own("hf:1", authors=[{"id": "hf:1", "name": "Ada"}]),
        _own("hf:2", authors=[{"id": work_id(works[0]), "name": "Ada"}]),
        _own("name:ada lovelace"),
        _own("hf:4", topics=[{"id": "I47508984", "name": "Geology"}]),
        _own("hf:5", source={"id": "hf:5"}),
        _own("hf:6", authors=[{"id": "ieee:37", "name": "Ada"}]),
        _own("x:2"),
        _own("hf:8", authors=[{"id": "x:2", "name": "Ada"}]),
    ])
    later = _jsonl(tmp_path / "later.jsonl", [_own("hf:9", source={"id": "ieee:37"})])
    env = kg_env(settings, tmp_path / "state")

    assert run_kg(env, "ingest", "openalex", str(openalex)).returncode == 2
    assert run_kg(env, "ingest", "jsonl", str(own)).returncode == 2
    assert run_kg(env, "ingest", "jsonl", str(later)).returncode == 1

    reasons = {n: r["reason"] for n, r in _rejects(openalex).items()}
    assert set(reasons) == {2, 3}
    assert "is not an OpenAlex researcher id" in reasons[2]
    assert "is not an OpenAlex paper id" in reasons[3]
    reasons = {n: r["reason"] for n, r in _rejects(own).items()}
    assert set(reasons) == {1, 2, 3, 4, 5, 8}
    assert "names both a Paper and a Researcher" in reasons[1]
    assert "has the form of Paper ids" in reasons[2]
    assert "has the form of Researcher ids" in reasons[3]
    assert "has the form of Institution ids" in reasons[4]
    assert "names both a Paper and a Source" in reasons[5]
    assert "'x:2' of a Researcher already names a Paper" in reasons[8]
    [reject] = _rejects(later).values()
    assert "'ieee:37' of a Source already names a Researcher" in reject["reason"]
    assert _paper_ids(graph) == {work_id(works[0]), "hf:6", "x:2"}
    shared = graph.driver.execute_query(
        "MATCH (n) WHERE n.id IS NOT NULL WITH n.id AS id, count(*) AS nodes WHERE nodes > 1 "
        "RETURN id").records
    assert shared == []
