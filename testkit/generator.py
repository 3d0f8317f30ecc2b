"""Synthetic OpenAlex works at any size, for scale runs only (correctness is proven on real data).

    python -m testkit.generator --works 1000000 OUT.jsonl.gz [--seed 7] [--range START:STOP]
                                [--processes N]

Writes one OpenAlex Work object a line with the fields `kg/ingest/openalex.py` reads (id, doi,
title, publication_year/date, type, cited_by_count, referenced_works(_count), primary_location
.source, authorships with author id/name/orcid and institutions with lineage, corresponding ids,
topics with subfield/field/domain, primary_topic, abstract_inverted_index). The same seed and size
give the same bytes, whatever the number of processes: `Generator` draws, in one process, what
depends on the works before (year, topics, researchers, citations inside the set); `Dresser` draws
the rest from a random stream per chunk of 1,000 works, in worker processes (1M works in 825 s on
this 2-core machine at load 15-18, measured 2026-11-26). `--range START:STOP` writes only the
works numbered START to STOP-1 of the same generation: `--range 0:N` and `--range N:TOTAL` are a
graph and a later batch of new works that cites it and shares its researchers (incremental runs).

Calibration (measured on the real sets of the project's shared data, fitted here as constants):

- authors per paper: the histogram of idb03 (2,643 OpenAlex works, mean 4.60; 1 author 12%,
  2-6 authors 69%, 7-15 17%, 16-100 1.3%); plus hyperauthored consortium papers, one in 10,000
  works, listing a fixed roster of 3,000-5,103 members (the ATLAS+CMS Higgs-mass work of
  `openalex-hyperauthored-work` lists 5,103 authorships with empty institution lists);
- papers per author: Lotka-like, from Simon's cumulative-advantage process: an authorship slot
  takes a new researcher with probability 0.40 (papercopilot: 99,463 authors over 246,477
  authorships of 68,467 papers), else an existing one in proportion to their papers among the
  last 100,000 authorships (10,000 in the subfield: careers end), from the same subfield 85% of
  the time (co-author communities). Papercopilot: 63.6% of authors have
  one paper, f(2)/f(1) = 0.24, f(3)/f(1) = 0.11; idb03 63.1%; Simon at 0.40 gives 62.5%;
- ORCID: 60% of researchers (idb03: 66% of authorships carry one);
- institutions per authorship: idb03 0: 31.7%, 1: 60.3%, 2: 6.1%, 3+: 1.9%; a researcher keeps a
  home institution on 80% of their affiliated authorships; institution popularity is skewed
  (u^3 over the pool); lineage length 1: 89%, 2: 8%, 3: 3% (idb03: 89%, 8%, 3% of 3+);
  pool = 1,000 + works / 8 institutions, at most 110,000 (OpenAlex holds about 110k);
- topics per paper: idb03 0: 2.9%, 1: 4.8%, 2: 3.9%, 3: 88.3%, drawn from the real OpenAlex tree
  (`tests/data/openalex-topic-taxonomy`, 3,522 topics, 245 subfields, 26 fields, 4 domains) with
  Zipf(1) popularity over a seeded permutation; the second and third topics come from the primary
  topic's subfield 70% of the time; scores 0.90-1.0 for the primary, lower after it;
- years: the idb03 histogram 1951-2026 (median 2016; 57% from 2015 on); works are numbered in
  year order so a citation points to an earlier (or same-year) work;
- references: 34 per work on average (idb03 33.9), of which 2.4 point inside the set (idb03: 2.41
  per work, 7.1% of references), chosen with cumulative advantage (half by earlier citations
  received, half uniform over earlier works of the subfield); the rest point outside the set;
- cited_by_count: log-normal, median 4, 90th percentile about 45, 99th about 260 (idb03 4, 43,
  180); 48% of works have an abstract (idb03 48%), 88% a DOI (idb03 88%);
- sources: 1 per 6 works (idb03: 485 for 2,643), at most 250,000; 84% of works have one
  (journal 84%, repository 8%, conference 8% of those).
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import math
import multiprocessing
import os
import random
import sys
from array import array
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from testkit.datasets import TOPIC_TAXONOMY

AUTHORS_PER_PAPER = {  # idb03 histogram (authors: works)
    1: 327, 2: 445, 3: 384, 4: 393, 5: 346, 6: 268, 7: 158, 8: 119, 9: 64, 10: 41, 11: 27,
    12: 15, 13: 9, 14: 11, 15: 11, 16: 3, 17: 3, 18: 1, 19: 3, 24: 1, 26: 1, 28: 2, 30: 2,
    32: 1, 42: 1, 44: 1, 53: 1, 54: 1, 66: 1, 100: 3,
}
TOPICS_PER_PAPER = {0: 77, 1: 128, 2: 103, 3: 2335}
YEARS = {  # idb03 histogram
    1951: 1, 1959: 1, 1960: 1, 1962: 4, 1964: 1, 1965: 1, 1966: 5, 1967: 1, 1969: 1, 1972: 2,
    1975: 2, 1976: 1, 1977: 2, 1978: 2, 1979: 3, 1980: 3, 1981: 5, 1982: 7, 1983: 5, 1984: 5,
    1985: 13, 1986: 7, 1987: 18, 1988: 11, 1989: 12, 1990: 15, 1991: 19, 1992: 2, 1993: 15,
    1994: 17, 1995: 23, 1996: 15, 1997: 14, 1998: 24, 1999: 18, 2000: 36, 2001: 35, 2002: 24,
    2003: 48, 2004: 35, 2005: 42, 2006: 46, 2007: 36, 2008: 69, 2009: 44, 2010: 89, 2011: 63,
    2012: 46, 2013: 61, 2014: 72, 2015: 77, 2016: 90, 2017: 114, 2018: 107, 2019: 145,
    2020: 143, 2021: 134, 2022: 179, 2023: 179, 2024: 218, 2025: 225, 2026: 10,
}
INSTITUTIONS_PER_AUTHORSHIP = {0: 3854, 1: 7333, 2: 741, 3: 152, 4: 67}
NEW_AUTHOR = 0.40
ACTIVE_SLOTS = 100_000  # researchers are drawn from recent authorships (careers end)
SAME_SUBFIELD_AUTHOR = 0.85
ORCID_SHARE = 0.60
HOME_INSTITUTION = 0.80
SAME_SUBFIELD_TOPIC = 0.70
REFERENCES_MEAN = 34.0
INSIDE_REFERENCES_MEAN = 2.4
CITED_BY_MEDIAN, CITED_BY_SIGMA = 4.0, 1.7
ABSTRACT_SHARE, DOI_SHARE, SOURCE_SHARE = 0.48, 0.88, 0.84
HYPERAUTHORED_EVERY = 10_000
CHUNK = 1000  # works dressed from one random stream (and by one worker at a time)
CONSORTIUM_SIZES = (3000, 5103)
WORK_BASE, AUTHOR_BASE = 4_000_000_000, 5_000_000_000
INSTITUTION_BASE, SOURCE_BASE = 400_000_000, 4_200_000_000
COUNTRIES = ("US", "CN", "GB", "DE", "JP", "FR", "IN", "CA", "IT", "AU", "ES", "KR", "BR", "NL",
             "SA", "CH", "SE", "IR", "PL", "TR")
INSTITUTION_TYPES = ("education", "education", "education", "facility", "healthcare", "company",
                     "government", "nonprofit")
GIVEN = ("Ana", "Ahmed", "Chen", "David", "Elena", "Fatima", "Giulia", "Hiroshi", "Ines", "James",
         "Jun", "Karim", "Laura", "Li", "Maria", "Mohammed", "Nadia", "Olga", "Pedro", "Priya",
         "Rahul", "Sara", "Tomás", "Wei", "Yuki", "Zoë", "Émile", "Søren", "Łukasz", "Ngozi")
SYLLABLES = ("al", "ba", "chen", "da", "el", "fer", "go", "han", "ib", "ka", "lo", "mar", "ne",
             "ov", "pa", "ra", "sa", "ta", "ul", "va", "wa", "xi", "ya", "zh", "ri", "ko", "mi")
WORDS = ("analysis", "model", "evidence", "effects", "dynamics", "framework", "study", "approach",
         "learning", "structure", "response", "network", "estimation", "variability", "design")


def _cumulative(histogram: dict[int, int]) -> tuple[list[int], list[float]]:
    values = sorted(histogram)
    total, running, bounds = sum(histogram.values()), 0, []
    for value in values:
        running += histogram[value]
        bounds.append(running / total)
    return values, bounds


class Taxonomy:
    """The bundled OpenAlex topic tree."""

    def __init__(self, path: Path = TOPIC_TAXONOMY) -> None:
        tree = json.loads(gzip.decompress(path.read_bytes()))
        self.topics: list[tuple[str, str, str]] = [tuple(t) for t in tree["topics"]]
        self.subfields: dict[str, list[str]] = tree["subfields"]
        self.fields: dict[str, list[str]] = tree["fields"]
        self.domains: dict[str, str] = tree["domains"]
        self.by_subfield: dict[str, list[int]] = {}
        for index, (_, _, subfield) in enumerate(self.topics):
            self.by_subfield.setdefault(subfield, []).append(index)

    def topic_object(self, index: int, score: float) -> dict[str, Any]:
        topic_id, name, subfield = self.topics[index]
        subfield_name, field = self.subfields[subfield]
        field_name, domain = self.fields[field]
        return {
            "id": f"https://openalex.org/{topic_id}", "display_name": name, "score": score,
            "subfield": {"id": f"https://openalex.org/{subfield}", "display_name": subfield_name},
            "field": {"id": f"https://openalex.org/{field}", "display_name": field_name},
            "domain": {"id": f"https://openalex.org/{domain}",
                       "display_name": self.domains[domain]},
        }


class Generator:
    """`works` works numbered from 0, in year order; `seed` fixes every draw.

    Two stages. The core (this class, one process: Simon's process needs every earlier draw)
    draws each work's year, topics, researchers and citations inside the set. The rest of a work
    (names, institutions, references outside the set, abstract, scores...) is drawn by `Dresser`
    from a random stream of its own per chunk of `CHUNK` works, numbered from 0 whatever the
    range written, so worker processes dress chunks in any order and the bytes stay the same
    whatever their number."""

    def __init__(self, works: int, seed: int = 7) -> None:
        self.works = works
        self.seed = seed
        self.random = random.Random(seed)
        self.taxonomy = Taxonomy()
        popularity = list(range(len(self.taxonomy.topics)))
        random.Random(0).shuffle(popularity)  # the same topic popularity for every seed
        self.topic_order = popularity
        zipf = [1.0 / (rank + 1) for rank in range(len(popularity))]  # by rank of popularity
        self.topic_weights = list(_prefix_sums(zipf))
        self.topics_per_paper = _cumulative(TOPICS_PER_PAPER)
        self.authors_per_paper = _cumulative(AUTHORS_PER_PAPER)
        # researchers so far (by number) and their authorships, overall and per subfield: picking
        # a uniform slot picks a researcher in proportion to their papers (Simon's process)
        self.next_author = 0
        self.slots = array("q")
        self.slots_by_subfield: dict[str, array] = {}
        self.works_by_subfield: dict[str, array] = {}
        self.cited: dict[str, array] = {}
        self.consortia: list[tuple[int, int]] = []

    def draw(self, distribution: tuple[list[int], list[float]]) -> int:
        values, bounds = distribution
        return values[min(bisect.bisect_left(bounds, self.random.random()), len(values) - 1)]

    def years(self) -> list[int]:
        year_values, year_bounds = _cumulative(YEARS)
        draws = sorted(self.random.random() for _ in range(self.works))
        return [year_values[min(bisect.bisect_left(year_bounds, u), len(year_values) - 1)]
                for u in draws]

    def cores(self) -> Iterator[Core]:
        """Every work's core, in number order."""
        for number, year in enumerate(self.years()):
            topics = self.topics_of()
            subfield = self.taxonomy.topics[topics[0]][2] if topics else "none"
            if number % HYPERAUTHORED_EVERY == HYPERAUTHORED_EVERY - 1:
                authors = self.consortium_roster()
            else:
                authors = self.authors_of(subfield, self.draw(self.authors_per_paper))
            total = max(0, int(self.random.expovariate(1 / REFERENCES_MEAN)))
            inside = self.references_of(subfield, min(total, _poisson(self.random,
                                                                      INSIDE_REFERENCES_MEAN)))
            self.works_by_subfield.setdefault(subfield, array("q")).append(number)
            yield number, year, topics, authors, inside, total - len(inside)

    def chunks(self, stop: int | None = None) -> Iterator[tuple[int, list[Core]]]:
        """The cores of works 0 to `stop` - 1 by chunk, with each chunk's number."""
        stop = self.works if stop is None else stop
        chunk: list[Core] = []
        for core in self.cores():
            if core[0] >= stop:
                break
            chunk.append(core)
            if len(chunk) == CHUNK:
                yield core[0] // CHUNK, chunk
                chunk = []
        if chunk:
            yield chunk[0][0] // CHUNK, chunk

    def __iter__(self) -> Iterator[dict[str, Any]]:
        dresser = Dresser(self.works, self.seed, self.taxonomy)
        for index, chunk in self.chunks():
            yield from dresser.dress(index, chunk)

    def topics_of(self) -> list[int]:
        rnd = self.random
        count = self.draw(self.topics_per_paper)
        chosen: list[int] = []
        while len(chosen) < count:
            if chosen and rnd.random() < SAME_SUBFIELD_TOPIC:
                siblings = self.taxonomy.by_subfield[self.taxonomy.topics[chosen[0]][2]]
                pick = rnd.choice(siblings)
            else:
                u = rnd.random() * self.topic_weights[-1]
                pick = self.topic_order[min(bisect.bisect_left(self.topic_weights, u),
                                            len(self.topic_order) - 1)]
            if pick not in chosen:
                chosen.append(pick)
            elif len(self.taxonomy.by_subfield[self.taxonomy.topics[chosen[0]][2]]) <= len(chosen):
                break
        return chosen

    def authors_of(self, subfield: str, count: int) -> list[int]:
        rnd = self.random
        local = self.slots_by_subfield.setdefault(subfield, array("q"))
        chosen: list[int] = []
        for _ in range(count * 3):  # a few draws may repeat an author already on the paper
            if len(chosen) == count:
                break
            if not self.slots or rnd.random() < NEW_AUTHOR:
                author = self.next_author
                self.next_author += 1
            elif local and rnd.random() < SAME_SUBFIELD_AUTHOR:
                author = local[_recent(rnd, len(local), ACTIVE_SLOTS // 10)]
            else:
                author = self.slots[_recent(rnd, len(self.slots), ACTIVE_SLOTS)]
            if author not in chosen:
                chosen.append(author)
        self.slots.extend(chosen)
        local.extend(chosen)
        return chosen

    def consortium_roster(self) -> list[int]:
        if not self.consortia or self.random.random() < 0.3:
            size = self.random.randint(*CONSORTIUM_SIZES)
            self.consortia.append((self.next_author, size))
            self.next_author += size
        start, size = self.random.choice(self.consortia)
        return list(range(start, start + size))

    def references_of(self, subfield: str, inside: int) -> list[int]:
        rnd = self.random
        earlier = self.works_by_subfield.get(subfield)
        cited = self.cited.setdefault(subfield, array("q"))
        found: list[int] = []
        for _ in range(inside if earlier else 0):
            target = cited[rnd.randrange(len(cited))] if cited and rnd.random() < 0.5 else \
                earlier[rnd.randrange(len(earlier))]
            if target not in found:
                found.append(target)
        cited.extend(found)
        return found


Core = tuple[int, int, list[int], list[int], list[int], int]
"""number, year, topics, researchers, works cited inside the set, references outside it"""


class Dresser:
    """Turns cores into OpenAlex Work objects. A researcher's, institution's or source's own
    traits come from a stream seeded by its number (the same on every paper), so they are kept
    once drawn."""

    def __init__(self, works: int, seed: int, taxonomy: Taxonomy | None = None) -> None:
        self.seed = seed
        self.taxonomy = taxonomy or Taxonomy()
        self.institutions = min(110_000, 1000 + works // 8)
        self.sources = min(250_000, max(50, works // 6))
        self.institutions_per_authorship = _cumulative(INSTITUTIONS_PER_AUTHORSHIP)
        self.researchers: dict[int, tuple[dict[str, Any], int]] = {}
        self.institution_objects: dict[int, dict[str, Any]] = {}
        self.source_objects: dict[int, dict[str, Any]] = {}
        self.topic_parts = [self._topic_parts(index) for index in range(len(self.taxonomy.topics))]
        self.random = random.Random()

    def dress(self, index: int, chunk: list[Core]) -> Iterator[dict[str, Any]]:
        self.random.seed(f"{self.seed}:{index}")
        outside = np.random.default_rng([self.seed, index]).integers(
            1, 50_000_001, size=sum(core[5] for core in chunk)).tolist()
        taken = 0
        for number, year, topics, authors, inside, outside_count in chunk:
            references = [f"https://openalex.org/W{WORK_BASE + n}" for n in inside]
            references += [f"https://openalex.org/W{WORK_BASE - n}"
                           for n in outside[taken:taken + outside_count]]
            taken += outside_count
            yield self.work(number, year, topics, authors, references)

    def work(self, number: int, year: int, topics: list[int], authors: list[int],
             references: list[str]) -> dict[str, Any]:
        rnd = self.random
        hyper = len(authors) > 200
        last = len(authors) - 1
        authorships = [self.authorship(author, position, last, hyper)
                       for position, author in enumerate(authors)]
        title_words = rnd.choices(WORDS, k=3)
        if topics:
            title_words.insert(1, self.taxonomy.topics[topics[0]][1].split()[0].lower())
        return {
            "id": f"https://openalex.org/W{WORK_BASE + number}",
            "doi": f"https://doi.org/10.5555/kg.{number}" if rnd.random() < DOI_SHARE else None,
            "title": " ".join(title_words).capitalize() + f" {number}",
            "publication_year": year,
            "publication_date": f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "type": "article" if rnd.random() < 0.82 else rnd.choice(
                ("book-chapter", "preprint", "review", "dataset")),
            "cited_by_count": max(0, round((CITED_BY_MEDIAN + 1)
                                           * math.exp(rnd.gauss(0, CITED_BY_SIGMA))) - 1),
            "is_retracted": False,
            "referenced_works": references,
            "referenced_works_count": len(references),
            "primary_location": {"source": self.source_of()},
            "authorships": authorships,
            "corresponding_author_ids": [authorships[0]["author"]["id"]] if authorships else [],
            "topics": [{**self.topic_parts[t], "score": round(0.99 - 0.15 * i - rnd.random()
                                                              * 0.09, 4)}
                       for i, t in enumerate(topics)],
            "primary_topic": {"id": f"https://openalex.org/{self.taxonomy.topics[topics[0]][0]}"}
            if topics else None,
            "abstract_inverted_index":
                self.abstract(topics) if rnd.random() < ABSTRACT_SHARE else None,
        }

    def _topic_parts(self, index: int) -> dict[str, Any]:
        topic = self.taxonomy.topic_object(index, 0.0)
        del topic["score"]
        return topic

    def researcher(self, author: int) -> tuple[dict[str, Any], int]:
        known = self.researchers.get(author)
        if known is None:
            traits = random.Random(author * 7919 + 17)
            name = f"{traits.choice(GIVEN)} {_surname(traits)}"
            orcid = traits.random() < ORCID_SHARE
            known = ({
                "id": f"https://openalex.org/A{AUTHOR_BASE + author}",
                "display_name": name,
                "orcid": f"https://orcid.org/0000-{author // 10**8 % 10000:04d}-"
                         f"{author // 10000 % 10000:04d}-{author % 10000:04d}" if orcid else None,
            }, int(self.institutions * traits.random() ** 3))
            self.researchers[author] = known
        return known

    def authorship(self, author: int, position: int, last: int, hyper: bool) -> dict[str, Any]:
        rnd = self.random
        identity, home = self.researcher(author)
        institutions: list[int] = []
        if not hyper:
            values, bounds = self.institutions_per_authorship
            count = values[min(bisect.bisect_left(bounds, rnd.random()), len(values) - 1)]
            for slot in range(count):
                if slot == 0 and rnd.random() < HOME_INSTITUTION:
                    number = home
                else:
                    number = int(self.institutions * rnd.random() ** 3)
                if number not in institutions:
                    institutions.append(number)
        return {
            "author_position": "first" if position == 0 else (
                "last" if position == last else "middle"),
            "author": identity,
            "institutions": [self.institution(number) for number in institutions],
            "is_corresponding": position == 0,
        }

    def institution(self, number: int) -> dict[str, Any]:
        known = self.institution_objects.get(number)
        if known is not None:
            return known
        traits = random.Random(number * 104729 + 3)
        lineage = [number]
        depth = traits.random()
        for _ in range(2 if depth > 0.97 else 1 if depth > 0.89 else 0):
            parent = traits.randrange(min(self.institutions, 2000))  # parents are big institutions
            if parent not in lineage:
                lineage.append(parent)
        known = self.institution_objects[number] = {
            "id": f"https://openalex.org/I{INSTITUTION_BASE + number}",
            "display_name": f"{_surname(traits).capitalize()} Institute {number}",
            "ror": f"https://ror.org/0{number:08d}",
            "country_code": traits.choice(COUNTRIES),
            "type": traits.choice(INSTITUTION_TYPES),
            "lineage": [f"https://openalex.org/I{INSTITUTION_BASE + n}" for n in lineage],
        }
        return known

    def source_of(self) -> dict[str, Any] | None:
        rnd = self.random
        if rnd.random() >= SOURCE_SHARE:
            return None
        number = int(self.sources * rnd.random() ** 2)
        known = self.source_objects.get(number)
        if known is None:
            kind = ("journal", "repository", "conference")[min(2, max(0, number % 12 - 9))]
            name = _surname(random.Random(number)).capitalize()
            known = self.source_objects[number] = {
                "id": f"https://openalex.org/S{SOURCE_BASE + number}",
                "display_name": f"Journal of {name} {number}", "type": kind}
        return known

    def abstract(self, topics: list[int]) -> dict[str, list[int]]:
        rnd = self.random
        vocabulary = [word.lower().strip(",.") for t in topics
                      for word in self.taxonomy.topics[t][1].split()] + list(WORDS)
        index: dict[str, list[int]] = {}
        for position, word in enumerate(rnd.choices(vocabulary, k=rnd.randint(40, 90))):
            index.setdefault(word, []).append(position)
        return index

    def lines(self, index: int, chunk: list[Core], start: int, stop: int,
              compress: bool) -> bytes:
        """The JSON lines of the chunk's works numbered `start` to `stop` - 1, gzip-compressed if
        asked (one gzip member a chunk: members in a row are one gzip file)."""
        text = b"".join(orjson.dumps(work) + b"\n" for core, work
                        in zip(chunk, self.dress(index, chunk), strict=True)
                        if start <= core[0] < stop)
        return gzip.compress(text, compresslevel=1, mtime=0) if compress else text


def _prefix_sums(values: list[float]) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


def _recent(rnd: random.Random, size: int, window: int) -> int:
    """A uniform index among the last `window` of `size` slots."""
    return size - 1 - rnd.randrange(min(size, window))


def _poisson(rnd: random.Random, mean: float) -> int:
    limit, product, count = math.exp(-mean), rnd.random(), 0
    while product > limit:
        product *= rnd.random()
        count += 1
    return count


def _surname(rnd: random.Random) -> str:
    return "".join(rnd.choices(SYLLABLES, k=rnd.randint(2, 3))).capitalize()


_DRESSER: Dresser | None = None


def _start_worker(works: int, seed: int) -> None:
    global _DRESSER  # noqa: PLW0603 - one Dresser per worker process, kept across chunks
    _DRESSER = Dresser(works, seed)


def _dress_chunk(job: Job) -> bytes:
    assert _DRESSER is not None
    return _DRESSER.lines(*job)


Job = tuple[int, list[Core], int, int, bool]


def write_parts(works: int, seed: int, parts: list[tuple[Path, int, int]],
                processes: int | None = None) -> list[int]:
    """Generate `works` works once and write each part (path, start, stop): the works numbered
    `start` to `stop` - 1, gzip-compressed when the path ends in .gz; returns how many each
    holds. `processes` dress chunks in parallel (the machine's cores by default); the bytes
    written do not depend on it."""
    processes = processes or os.cpu_count() or 1
    generation = Generator(works, seed)
    last = max(stop for _, _, stop in parts)
    outs = [path.open("wb") for path, _, _ in parts]

    def jobs() -> Iterator[tuple[int, Job]]:
        for index, chunk in generation.chunks(-(-last // CHUNK) * CHUNK):
            first, end = chunk[0][0], chunk[-1][0] + 1
            for part, (path, start, stop) in enumerate(parts):
                if start < end and first < stop:
                    yield part, (index, chunk, start, stop, path.suffix == ".gz")

    try:
        if processes == 1:
            dresser = Dresser(works, seed, generation.taxonomy)
            for part, job in jobs():
                outs[part].write(dresser.lines(*job))
        else:
            context = multiprocessing.get_context("fork")
            with context.Pool(processes, _start_worker, (works, seed)) as pool:
                pending: deque[tuple[int, Any]] = deque()
                for part, job in jobs():
                    pending.append((part, pool.apply_async(_dress_chunk, (job,))))
                    while len(pending) > 2 * processes or (pending and pending[0][1].ready()):
                        done_part, result = pending.popleft()
                        outs[done_part].write(result.get())
                for done_part, result in pending:
                    outs[done_part].write(result.get())
    finally:
        for out in outs:
            out.close()
    return [max(0, min(stop, works) - start) for _, start, stop in parts]


def write(path: Path, works: int, seed: int = 7, start: int = 0, stop: int | None = None,
          processes: int | None = None) -> int:
    """Generate `works` works and write those numbered `start` to `stop` - 1 (all by default) to
    `path`, gzip-compressed when it ends in .gz; returns how many were written."""
    return write_parts(works, seed, [(path, start, works if stop is None else stop)],
                       processes)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--works", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--range", default=None,
                        help="START:STOP: write only these works of the generation")
    parser.add_argument("--processes", type=int, default=None,
                        help="worker processes (the machine's cores by default)")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    start, stop = (int(x) for x in args.range.split(":")) if args.range else (0, args.works)
    written = write(args.out, args.works, args.seed, start, stop, args.processes)
    print(f"wrote {written} works to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
