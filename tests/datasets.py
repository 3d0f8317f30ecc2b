"""Where the real data sets of `../shared/data/` are (see each folder's SOURCE.md).

The checkout's sibling `shared/` is used; `KG_SHARED_DATA` may point elsewhere. Tests that need
the data fail (never skip) when it is missing."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _shared_data() -> Path:
    candidates = [Path(p) for p in (os.environ.get("KG_SHARED_DATA"),) if p]
    candidates += [ROOT.parent / "shared" / "data", Path("/work/shared/data")]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "the shared data sets are missing: expected ../shared/data beside the checkout "
        "or KG_SHARED_DATA"
    )


SHARED_DATA = _shared_data()
IDB03_WORKS = SHARED_DATA / "openalex-geosciencearabia-idb03" / "works.jsonl.gz"
IDB03_AUTHORS = SHARED_DATA / "openalex-geosciencearabia-idb03" / "author_profiles.jsonl"
ARXIV_HEAD = (SHARED_DATA / "arxiv-kaggle-snapshot-head"
              / "arxiv-metadata-oai-snapshot.head200.jsonl")
PAPERCOPILOT = SHARED_DATA / "paperlists-papercopilot"
SEED_PAGES = SHARED_DATA / "seed-pages"
