"""Convert the papercopilot conference paper lists into the project's own JSONL format
(docs/formats.md), the scale set of the benchmarks and of `./dev test --large`.

    .venv/bin/python -m testkit.converters.papercopilot_to_jsonl [--input DIR] [--output FILE]

Input: `<venue>/<venue><year>.json.gz`, each a JSON array of papers whose per-author fields are
`;`-separated strings (some older files separate authors with `,`). Choices:

- paper id `pc:<venue><year>:<their id>`, or `pc:<venue><year>:t<sha1 of the title key>` when
  the record has none; a record listed again with the same id and the same content is dropped,
  the same id with other content gets the title hash instead, and what remains must be unique;
- an author's id comes from `authorids` when it is a stable source id (IEEE Xplore `ieee:`,
  ACL Anthology `acl:`, OpenReview `openreview:`); otherwise the ingest keys them by name.
  An author listed twice on one paper (some IEEE lists repeat themselves) counts once;
- affiliations use the normalised names (`aff_unique_norm`) with their country as an ISO 3166
  alpha-2 code like OpenAlex's, falling back to the raw `aff` strings;
- `keywords` become topics of level `keyword`; `gs_citation` is `cited_by_count` when it is a
  count (-1 means unknown); records without a title are left out (counted).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.ingest.records import name_key
from testkit.datasets import ROOT, papercopilot

DEFAULT_OUTPUT = ROOT / ".kg" / "bench" / "papercopilot.jsonl.gz"
FILE_NAME = re.compile(r"(?P<venue>[a-z]+)(?P<year>\d{4})\.json\.gz")

VENUE_NAMES = {
    "acl": "ACL", "acml": "ACML", "aistats": "AISTATS", "automl": "AutoML Conf",
    "coling": "COLING", "colt": "COLT", "cvpr": "CVPR", "eccv": "ECCV", "iccv": "ICCV",
    "icml": "ICML", "icra": "ICRA", "ijcai": "IJCAI", "iros": "IROS", "kdd": "KDD",
    "nips": "NeurIPS", "rss": "RSS", "siggraph": "SIGGRAPH", "siggraphasia": "SIGGRAPH Asia",
    "uai": "UAI", "wacv": "WACV", "www": "The Web Conference",
}

# Every country name the set uses, as ISO 3166-1 alpha-2 ("Unknown" and blanks have none).
COUNTRY_CODES = dict(line.split(" ", 1)[::-1] for line in """\
AE United Arab Emirates|AM Armenia|AR Argentina|AT Austria|AU Australia|BA Bosnia and Herzegovina
BD Bangladesh|BE Belgium|BG Bulgaria|BR Brazil|CA Canada|CH Switzerland|CL Chile|CM Cameroon
CN China|CO Colombia|CU Cuba|CY Cyprus|CZ Czech Republic|CZ Czechia|DE Germany|DK Denmark
DZ Algeria|EC Ecuador|EE Estonia|EG Egypt|ES Spain|ET Ethiopia|FI Finland|FR France
GB United Kingdom|GH Ghana|GR Greece|HR Croatia|HU Hungary|ID Indonesia|IE Ireland|IL Israel
IN India|IQ Iraq|IR Iran|IS Iceland|IT Italy|JO Jordan|JP Japan|KE Kenya|KR South Korea
KW Kuwait|KZ Kazakhstan|LB Lebanon|LI Liechtenstein|LK Sri Lanka|LT Lithuania|LU Luxembourg
LV Latvia|LY Libya|MA Morocco|MG Madagascar|MM Myanmar|MT Malta|MX Mexico|MY Malaysia
NA Namibia|NC New Caledonia|NL Netherlands|NO Norway|NZ New Zealand|OM Oman|PA Panama|PE Peru
PH Philippines|PK Pakistan|PL Poland|PR Puerto Rico|PS State of Palestine|PT Portugal|QA Qatar
RO Romania|RS Serbia|RU Russia|RU Russian Federation|SA Saudi Arabia
SA Kingdom of Saudi Arabia|SD Sudan|SE Sweden|SG Singapore|SI Slovenia|SK Slovakia|TH Thailand
TN Tunisia|TR Türkiye|TR Turkey|UA Ukraine|US United States|UY Uruguay|VE Venezuela|VN Vietnam
ZA South Africa""".replace("\n", "|").split("|"))


@dataclass
class Tally:
    files: int = 0
    read: int = 0
    written: int = 0
    without_title: int = 0
    repeated: int = 0
    id_conflicts: list[str] = field(default_factory=list)
    unknown_countries: Counter[str] = field(default_factory=Counter)
    authors_by_id_kind: Counter[str] = field(default_factory=Counter)


def source_files(root: Path) -> list[tuple[str, int, Path]]:
    found = []
    for path in sorted(root.glob("*/*.json.gz")):
        match = FILE_NAME.fullmatch(path.name)
        if match is None or match["venue"] != path.parent.name:
            raise SystemExit(f"unexpected file name: {path}")
        found.append((match["venue"], int(match["year"]), path))
    return found


def _split(value: Any, separator: str = ";") -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    return [part.strip() for part in value.split(separator)]


def author_names(paper: dict[str, Any]) -> list[str]:
    names = paper.get("author") or ""
    return _split(names, ";" if ";" in names else ",")


def author_id(raw: str) -> str | None:
    """A stable source id for an `authorids` entry, or None when there is none."""
    raw = raw.strip()
    if re.fullmatch(r"/\d+", raw):
        return f"ieee:{raw[1:]}"
    acl = re.fullmatch(r"/[a-z0-9]/([a-z0-9][a-z0-9-]*)/", raw)
    if acl:
        return f"acl:{acl[1]}"
    if raw.startswith("~") and len(raw) > 1:
        return f"openreview:{raw}"
    return None


def _pick(values: list[str], index: str) -> str | None:
    return values[int(index)] if index.isdigit() and int(index) < len(values) else None


def affiliations(paper: dict[str, Any], position: int, tally: Tally) -> list[dict[str, Any]]:
    """The affiliations of the author at `position` in the paper's author list."""
    norm = _split(paper.get("aff_unique_norm"))
    per_author = _split(paper.get("aff_unique_index"))
    if norm and position < len(per_author):
        countries = _split(paper.get("aff_country_unique"))
        country_slots = _split(paper.get("aff_country_unique_index"))
        country_of = country_slots[position].split("+") if position < len(country_slots) else []
        found = []
        for slot, index in enumerate(per_author[position].split("+")):
            name = _pick(norm, index)
            if not name:
                continue
            country_name = _pick(countries, country_of[slot]) if slot < len(country_of) else None
            code = COUNTRY_CODES.get(country_name or "")
            if country_name and not code and country_name != "Unknown":
                tally.unknown_countries[country_name] += 1
            found.append({"name": name, "country": code})
        return found
    raw = _split(paper.get("aff"))
    if position >= len(raw):
        return []
    return [{"name": part.strip(), "country": None}
            for part in raw[position].split("+") if part.strip()]


def authors(paper: dict[str, Any], tally: Tally) -> list[dict[str, Any]]:
    ids = _split(paper.get("authorids"))
    found: dict[str, dict[str, Any]] = {}
    for position, name in enumerate(author_names(paper)):
        if not name:
            continue
        source_id = author_id(ids[position]) if position < len(ids) else None
        identity = source_id or f"name:{name_key(name)}"
        if identity in found:
            continue
        tally.authors_by_id_kind[source_id.split(":")[0] if source_id else "name"] += 1
        author: dict[str, Any] = {"name": name}
        if source_id:
            author["id"] = source_id
        author["affiliations"] = affiliations(paper, position, tally)
        found[identity] = author
    return list(found.values())


def title_hash(title: str) -> str:
    return "t" + hashlib.sha1(name_key(title).encode()).hexdigest()[:12]


def convert(venue: str, year: int, paper: dict[str, Any], tally: Tally) -> dict[str, Any] | None:
    title = (paper.get("title") or "").strip()
    if not title:
        tally.without_title += 1
        return None
    their_id = str(paper.get("id") or "").strip()
    record: dict[str, Any] = {
        "id": f"pc:{venue}{year}:{their_id or title_hash(title)}",
        "title": title,
        "year": year,
        "source": {"id": f"venue:{venue}", "name": VENUE_NAMES.get(venue, venue.upper()),
                   "type": "conference"},
        "authors": authors(paper, tally),
    }
    abstract = (paper.get("abstract") or "").strip()
    if abstract:
        record["abstract"] = abstract
    citations = paper.get("gs_citation")
    if isinstance(citations, int) and not isinstance(citations, bool) and citations >= 0:
        record["cited_by_count"] = citations
    doi = (paper.get("doi") or "").strip()
    if doi:
        record["doi"] = re.sub(r"^https?://(dx\.)?doi\.org/", "", doi)
    keywords = list(dict.fromkeys(k for k in _split(paper.get("keywords")) if k))
    if keywords:
        record["topics"] = [{"name": k, "level": "keyword"} for k in keywords]
    return record


def records(root: Path, tally: Tally) -> Iterator[dict[str, Any]]:
    seen: dict[str, str] = {}
    for venue, year, path in source_files(root):
        tally.files += 1
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            papers = json.load(handle)
        for paper in papers:
            tally.read += 1
            record = convert(venue, year, paper, tally)
            if record is None:
                continue
            body = json.dumps(record, sort_keys=True)
            if seen.get(record["id"]) == body:
                tally.repeated += 1
                continue
            if record["id"] in seen:
                tally.id_conflicts.append(record["id"])
                record["id"] = f"pc:{venue}{year}:{title_hash(record['title'])}"
                body = json.dumps(record, sort_keys=True)
                if record["id"] in seen:
                    raise SystemExit(f"paper id not unique even by title: {record['id']}")
            seen[record["id"]] = body
            tally.written += 1
            yield record


def write(root: Path, output: Path) -> Tally:
    tally = Tally()
    output.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if output.suffix == ".gz" else open
    with opener(output, "wt", encoding="utf-8") as out:
        for record in records(root, tally):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=None,
                        help="default: the shared paperlists-papercopilot set")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="JSONL file; gzip-compressed when it ends in .gz")
    args = parser.parse_args(argv)
    tally = write(args.input or papercopilot(), args.output)
    print(f"{tally.files} files, {tally.read} papers read, "
          f"{tally.written} written to {args.output}")
    print(f"  left out: {tally.without_title} without a title, {tally.repeated} listed again "
          "with the same id and content")
    print(f"  same id, other content (re-keyed by title): {len(tally.id_conflicts)} "
          f"{tally.id_conflicts[:5]}")
    print(f"  author slots by id kind: {dict(tally.authors_by_id_kind)}")
    if tally.unknown_countries:
        print(f"  countries without a code: {dict(tally.unknown_countries)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
