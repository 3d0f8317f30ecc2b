"""Cut the bundled sample (`data/sample/works.jsonl.gz`) from the idb03 OpenAlex works.

    .venv/bin/python data/sample/cut.py [--source works.jsonl.gz] [--cap 300]

The cut is a group of prolific authors who write together, so co-authorship and topic adjacency
have something to show: among the 25 authors with the most works, start from the pair sharing
the most works, then keep adding the author who shares the most works with the cut so far, as
long as the cut stays within `--cap` works. Every work of the chosen authors is kept, as the
original line (objects unchanged), in the source file's order.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

IDB03_WORKS = Path(__file__).resolve().parents[2] / "tests" / "data" / "idb03" / "works.jsonl.gz"
OUTPUT = Path(__file__).resolve().parent / "works.jsonl.gz"
CANDIDATES = 25


def works_by_author(lines: list[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        work = json.loads(line)
        for authorship in work["authorships"]:
            author_id = (authorship.get("author") or {}).get("id")
            if author_id:
                found[author_id].add(work["id"])
    return found


def choose_authors(by_author: dict[str, set[str]], cap: int) -> list[str]:
    candidates = sorted(by_author, key=lambda a: (-len(by_author[a]), a))[:CANDIDATES]
    first = max(itertools.combinations(candidates, 2),
                key=lambda pair: (len(by_author[pair[0]] & by_author[pair[1]]), pair))
    chosen = list(first)
    works = by_author[first[0]] | by_author[first[1]]
    while True:
        fitting = [a for a in candidates
                   if a not in chosen and len(works | by_author[a]) <= cap]
        if not fitting:
            return chosen
        best = max(fitting, key=lambda a: (len(works & by_author[a]), a))
        chosen.append(best)
        works |= by_author[best]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=IDB03_WORKS)
    parser.add_argument("--cap", type=int, default=300)
    args = parser.parse_args(argv)
    with gzip.open(args.source, "rt", encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip()]
    by_author = works_by_author(lines)
    authors = choose_authors(by_author, args.cap)
    keep = set().union(*(by_author[a] for a in authors))
    kept = [line for line in lines if json.loads(line)["id"] in keep]
    # mtime=0: the same cut gives the same bytes.
    with open(OUTPUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("".join(kept).encode("utf-8"))
    print(f"{len(kept)} works of {len(authors)} authors "
          f"({', '.join(a.rsplit('/', 1)[-1] for a in authors)}) -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
