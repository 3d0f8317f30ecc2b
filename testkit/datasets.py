"""Where the data sets are.

The default test suite reads only what the repository bundles in `tests/data/` (each folder
with its SOURCE.md and licence), so a fresh clone runs it with nothing beside it. The large sets
of `../shared/data/` (or `KG_SHARED_DATA`) serve the benchmarks and `./dev test --large`; asking
for one that is missing raises with a message that says so.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "tests" / "data"

IDB03_WORKS = BUNDLED / "idb03" / "works.jsonl.gz"
IDB03_AUTHORS = BUNDLED / "idb03" / "author_profiles.jsonl"
ARXIV_HEAD = BUNDLED / "arxiv-head" / "arxiv-metadata-oai-snapshot.head200.jsonl"
ARXIV_IDB03 = BUNDLED / "arxiv-idb03" / "arxiv-records.jsonl"
HF_DAILY_PAPERS = BUNDLED / "seed-pages" / "hf-daily-papers.jsonl"
TOPIC_TAXONOMY = BUNDLED / "openalex-topic-taxonomy" / "taxonomy.json.gz"
SAMPLE_WORKS = ROOT / "data" / "sample" / "works.jsonl.gz"


class SharedDataMissing(FileNotFoundError):
    """A large data set was asked for and `../shared/data` (or `KG_SHARED_DATA`) lacks it."""


def shared_data(name: str) -> Path:
    """The folder `name` of the large shared data sets: `$KG_SHARED_DATA/<name>`, else
    `../shared/data/<name>` beside the checkout."""
    base = Path(os.environ.get("KG_SHARED_DATA") or ROOT.parent / "shared" / "data")
    folder = base / name
    if not folder.is_dir():
        raise SharedDataMissing(
            f"the large data set {name!r} is not at {folder}: benchmarks and `./dev test --large` "
            "need the shared data sets beside the checkout (or KG_SHARED_DATA)"
        )
    return folder


def papercopilot() -> Path:
    """The 68k-paper conference lists (paperlists-papercopilot)."""
    return shared_data("paperlists-papercopilot")
