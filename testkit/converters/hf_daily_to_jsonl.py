"""Converts trending-paper entries (tests/data/seed-pages/hf-daily-papers.jsonl) to the
project's own format.

    python -m testkit.converters.hf_daily_to_jsonl INPUT OUTPUT

The entries have no identifier: a paper's id is `hf:` + the first 16 hex digits of the SHA-1 of
its title's name key, so the same paper listed on two pages is one record (its listings joined,
its highest upvote count kept). Dates as listed ("Aug 27, 2025") become ISO dates; a listing
that omits the year (the year of the listing, which the page does not say) leaves `date` and
`year` empty and keeps the text in `published`. Author names are not listed, only their number.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from kg.ingest.records import name_key


def paper_id(title: str) -> str:
    return "hf:" + hashlib.sha1(name_key(title).encode()).hexdigest()[:16]


def convert(entry: dict[str, Any]) -> dict[str, Any]:
    listed = entry.get("date")
    dated = entry.get("year") is not None and listed
    record = {
        "id": paper_id(entry["title"]),
        "title": entry["title"],
        "abstract": entry.get("abstract"),
        "type": "preprint",
        "year": entry.get("year") if dated else None,
        "date": datetime.strptime(listed, "%b %d, %Y").date().isoformat() if dated else None,
        "published": listed,
        "upvotes": entry.get("upvotes") or 0,
        "organisation": entry.get("organisation"),
        "author_count": entry.get("authors_count"),
        "listings": [entry["listing"]] if entry.get("listing") else [],
    }
    return {key: value for key, value in record.items() if value is not None}


def merged(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    for record in records:
        seen = by_id.setdefault(record["id"], record)
        if seen is not record:
            seen["listings"] = list(dict.fromkeys(seen["listings"] + record["listings"]))
            seen["upvotes"] = max(seen["upvotes"], record["upvotes"])
    return list(by_id.values())


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    with source.open(encoding="utf-8") as lines:
        entries = [json.loads(line) for line in lines if line.strip()]
    records = merged([convert(entry) for entry in entries])
    with target.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(entries)} entries -> {len(records)} papers in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
