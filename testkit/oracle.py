"""Independent reference figures computed straight from the raw OpenAlex works file.

Tests compare the graph database against these numbers, so this module deliberately
imports nothing from the ``kg`` package: stdlib + networkx only.

Ids are OpenAlex short ids: ``https://openalex.org/W2741809807`` -> ``W2741809807``;
subfield/field/domain ids keep their kind: ``https://openalex.org/subfields/1906`` ->
``subfields/1906`` (likewise ``fields/19``, ``domains/3``).

Definitions (they reproduce the acceptance figures for
``tests/data/idb03/works.jsonl.gz``):

* papers: distinct work ids (2,643; the file has no duplicate ids).
* researchers: distinct non-null ``authorships[].author.id`` (3,776). 406 authorships
  (in 24 works) have ``author.id = null`` and are skipped.
* institutions: distinct non-null ``authorships[].institutions[].id`` (954); 16 entries
  (all on W4242811202) have ``id = null`` and are skipped.  With the union of every
  ``lineage`` list added: 1,086.  ``affiliations[].institution_ids`` adds nothing new.
* topics: distinct ``topics[].id`` (456; all level ``topic``, ids ``T...``); their
  ``subfield`` / ``field`` / ``domain`` ids: 120 / 25 / 4.  ``primary_topic`` is always
  one of ``topics`` so it adds nothing.
* sources: distinct ``primary_location.source.id`` where ``source`` is not null (485).
* CITES: distinct (citing, cited) pairs with ``cited`` in ``referenced_works`` and also a
  work in the file (6,374).  This INCLUDES 7 self-loops (a work listing itself);
  without them there are 6,367.
* COAUTHOR: unordered pairs of distinct researchers on a work, each work counted once
  per pair (author lists are de-duplicated first): 23,318 pairs.
* CO_OCCURS: unordered pairs of distinct topics in one work's ``topics`` list, counted
  in works: 1,300 pairs.
* PARTNER: unordered pairs of distinct institutions named by the authorships (with an author id)
  of one work, counted in works.
* per-work citation figure: ``max(cited_by_count, in-file CITES edges into the work)``
  (self-loops included; on this file the in-file count never exceeds cited_by_count).
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from testkit.datasets import IDB03_WORKS

WORKS_PATH = IDB03_WORKS
OPENALEX_PREFIX = "https://openalex.org/"

Pair = tuple[str, str]


def short_id(url: str | None) -> str | None:
    """``https://openalex.org/X`` -> ``X`` (``subfields/1906`` keeps its kind); None stays None."""
    if not url:
        return None
    return url[len(OPENALEX_PREFIX):] if url.startswith(OPENALEX_PREFIX) else url


def load_works(path: str | Path = WORKS_PATH) -> list[dict]:
    """All Work objects of a JSON-lines file (gzip if the name ends in .gz), blank lines skipped."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def distinct_works(works: list[dict], arxiv_records: list[dict]) -> dict[str, str]:
    """The rule of one paper per work, computed from the raw records without the ingest's code:
    each arXiv record's id -> the OpenAlex work it is (the lowest-numbered work whose DOI equals
    one of the record's DOIs, arXiv's own included, or whose arxiv.org URLs name it), or the
    record's own `arxiv:<id>` when no work claims it. OpenAlex works are never merged."""
    claims: dict[str, set[str]] = {}
    for work in works:
        doi = (work.get("doi") or "").lower().removeprefix("https://doi.org/")
        names = {doi} if doi else set()
        texts = [doi, *(work.get("ids") or {}).values()]
        for location in [work.get("primary_location"), work.get("best_oa_location"),
                         *(work.get("locations") or [])]:
            if location:
                texts += [location.get("landing_page_url"), location.get("pdf_url")]
        for value in texts:
            found = re.search(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})"
                              r"|10\.48550/arxiv\.(\d{4}\.\d{4,5})", (value or "").lower())
            if found:
                names.add("arxiv:" + (found.group(1) or found.group(2)))
        for name in names:
            claims.setdefault(name, set()).add(work_id(work))
    result = {}
    for record in arxiv_records:
        names = {"arxiv:" + record["id"].lower(), "10.48550/arxiv." + record["id"].lower()}
        names |= {d.lower() for d in (record.get("doi") or "").split()}
        claimants = set().union(*(claims.get(name, set()) for name in names))
        result[record["id"]] = (min(claimants, key=lambda w: int(w[1:])) if claimants
                                else "arxiv:" + record["id"])
    return result


# ---------------------------------------------------------------- per-work extraction


def work_id(work: dict) -> str:
    return short_id(work["id"])


def work_author_ids(work: dict) -> list[str]:
    """Distinct non-null author ids of a work, in authorship order (duplicates dropped)."""
    seen: dict[str, None] = {}
    for authorship in work.get("authorships") or []:
        aid = short_id((authorship.get("author") or {}).get("id"))
        if aid:
            seen.setdefault(aid, None)
    return list(seen)


def work_institution_ids(work: dict) -> set[str]:
    """Non-null ids of institutions named in the work's authorships."""
    return {
        short_id(inst["id"])
        for authorship in work.get("authorships") or []
        for inst in authorship.get("institutions") or []
        if inst.get("id")
    }


def work_partner_institution_ids(work: dict) -> set[str]:
    """Non-null ids of institutions named by the authorships that have an author id."""
    return {
        short_id(inst["id"])
        for authorship in work.get("authorships") or []
        if (authorship.get("author") or {}).get("id")
        for inst in authorship.get("institutions") or []
        if inst.get("id")
    }


def work_institution_ids_with_lineage(work: dict) -> set[str]:
    """Institutions named in authorships plus every id in their ``lineage`` lists."""
    ids = set()
    for authorship in work.get("authorships") or []:
        for inst in authorship.get("institutions") or []:
            if inst.get("id"):
                ids.add(short_id(inst["id"]))
                ids.update(short_id(x) for x in inst.get("lineage") or [] if x)
    return ids


def work_topic_ids(work: dict) -> list[str]:
    """Distinct ids from the work's ``topics`` list (level topic), in list order."""
    return list(dict.fromkeys(short_id(t["id"]) for t in work.get("topics") or [] if t.get("id")))


def work_source_id(work: dict) -> str | None:
    """``primary_location.source.id`` or None when the location or source is missing."""
    source = (work.get("primary_location") or {}).get("source") or {}
    return short_id(source.get("id"))


def work_reference_ids(work: dict) -> list[str]:
    """Distinct ids in ``referenced_works`` (any, in the file or not)."""
    return list(dict.fromkeys(short_id(r) for r in work.get("referenced_works") or [] if r))


def h_index(citations: list[int]) -> int:
    """Largest h such that h of the values are >= h."""
    ranked = sorted(citations, reverse=True)
    return sum(1 for rank, c in enumerate(ranked, start=1) if c >= rank)


def i10_index(citations: list[int]) -> int:
    """Number of values >= 10."""
    return sum(1 for c in citations if c >= 10)


# ---------------------------------------------------------------- the oracle


@dataclass(frozen=True)
class CoauthorStats:
    works: int
    first_year: int | None
    last_year: int | None


@dataclass(frozen=True)
class ResearcherStats:
    works: int
    citations: int
    h_index: int
    i10_index: int


@dataclass(frozen=True)
class Oracle:
    """Reference figures for one works file; build with ``Oracle.from_works(load_works())``."""

    paper_ids: frozenset[str]
    researcher_ids: frozenset[str]
    institution_ids: frozenset[str]
    institution_ids_with_lineage: frozenset[str]
    topic_ids: frozenset[str]
    subfield_ids: frozenset[str]
    field_ids: frozenset[str]
    domain_ids: frozenset[str]
    topic_subfield: dict[str, str]  # topic -> subfield
    subfield_field: dict[str, str]  # subfield -> field
    field_domain: dict[str, str]  # field -> domain
    source_ids: frozenset[str]
    paper_year: dict[str, int | None]
    paper_authors: dict[str, tuple[str, ...]]
    paper_topics: dict[str, tuple[str, ...]]
    paper_source: dict[str, str | None]
    cites: frozenset[Pair]  # (citing, cited), self-loops included
    coauthors: dict[Pair, CoauthorStats]  # key sorted (a < b)
    co_occurs: dict[Pair, int]  # key sorted (t1 < t2) -> number of works
    partners: dict[Pair, int]  # key sorted (i1 < i2) -> number of works
    paper_citations: dict[str, int]  # max(cited_by_count, in-file in-degree)
    researchers: dict[str, ResearcherStats]
    topic_works: dict[str, int]

    @classmethod
    def from_works(cls, works: list[dict]) -> Oracle:
        paper_ids = {work_id(w) for w in works}
        by_id = {work_id(w): w for w in works}  # later duplicates would win; there are none

        topic_subfield, subfield_field, field_domain = {}, {}, {}
        for w in by_id.values():
            for t in w.get("topics") or []:
                tid, sf = short_id(t["id"]), short_id(t["subfield"]["id"])
                fd, dm = short_id(t["field"]["id"]), short_id(t["domain"]["id"])
                topic_subfield[tid], subfield_field[sf], field_domain[fd] = sf, fd, dm

        cites = {
            (pid, ref)
            for pid, w in by_id.items()
            for ref in work_reference_ids(w)
            if ref in paper_ids
        }
        in_file_citations = Counter(cited for _, cited in cites)
        paper_citations = {
            pid: max(int(w.get("cited_by_count") or 0), in_file_citations[pid])
            for pid, w in by_id.items()
        }

        paper_authors = {pid: tuple(work_author_ids(w)) for pid, w in by_id.items()}
        paper_topics = {pid: tuple(work_topic_ids(w)) for pid, w in by_id.items()}
        paper_year = {pid: w.get("publication_year") for pid, w in by_id.items()}

        coauthor_works: Counter[Pair] = Counter()
        coauthor_years: dict[Pair, list[int]] = defaultdict(list)
        for pid, authors in paper_authors.items():
            for pair in itertools.combinations(sorted(authors), 2):
                coauthor_works[pair] += 1
                if paper_year[pid] is not None:
                    coauthor_years[pair].append(paper_year[pid])
        coauthors = {
            pair: CoauthorStats(
                works=n,
                first_year=min(coauthor_years[pair], default=None),
                last_year=max(coauthor_years[pair], default=None),
            )
            for pair, n in coauthor_works.items()
        }

        co_occurs: Counter[Pair] = Counter()
        for topics in paper_topics.values():
            co_occurs.update(itertools.combinations(sorted(topics), 2))

        partners: Counter[Pair] = Counter()
        for w in by_id.values():
            partners.update(itertools.combinations(sorted(work_partner_institution_ids(w)), 2))

        researcher_papers: dict[str, list[str]] = defaultdict(list)
        for pid, authors in paper_authors.items():
            for aid in authors:
                researcher_papers[aid].append(pid)
        researchers = {}
        for aid, pids in researcher_papers.items():
            figures = [paper_citations[p] for p in pids]
            researchers[aid] = ResearcherStats(
                works=len(pids),
                citations=sum(figures),
                h_index=h_index(figures),
                i10_index=i10_index(figures),
            )

        topic_works = Counter(t for topics in paper_topics.values() for t in topics)

        return cls(
            paper_ids=frozenset(paper_ids),
            researcher_ids=frozenset(researcher_papers),
            institution_ids=frozenset(set().union(*(work_institution_ids(w) for w in works))),
            institution_ids_with_lineage=frozenset(
                set().union(*(work_institution_ids_with_lineage(w) for w in works))
            ),
            topic_ids=frozenset(topic_subfield),
            subfield_ids=frozenset(subfield_field),
            field_ids=frozenset(field_domain),
            domain_ids=frozenset(field_domain.values()),
            topic_subfield=topic_subfield,
            subfield_field=subfield_field,
            field_domain=field_domain,
            source_ids=frozenset(s for s in map(work_source_id, works) if s),
            paper_year=paper_year,
            paper_authors=paper_authors,
            paper_topics=paper_topics,
            paper_source={pid: work_source_id(w) for pid, w in by_id.items()},
            cites=frozenset(cites),
            coauthors=coauthors,
            co_occurs=dict(co_occurs),
            partners=dict(partners),
            paper_citations=paper_citations,
            researchers=researchers,
            topic_works=dict(topic_works),
        )

    def coauthor_graph(self) -> nx.Graph:
        """Undirected graph: every researcher a node, every COAUTHOR pair an edge with ``works``."""
        graph = nx.Graph()
        graph.add_nodes_from(self.researcher_ids)
        for (a, b), stats in self.coauthors.items():
            graph.add_edge(a, b, works=stats.works)
        return graph

    def coauthor_distance(self, a: str, b: str) -> int | None:
        """Hop count between two researchers in the co-author graph (None if unconnected)."""
        try:
            return nx.shortest_path_length(self.coauthor_graph(), a, b)
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return None

    def counts(self) -> dict[str, int]:
        """The headline figures, keyed by name."""
        return {
            "papers": len(self.paper_ids),
            "researchers": len(self.researcher_ids),
            "institutions": len(self.institution_ids),
            "institutions_with_lineage": len(self.institution_ids_with_lineage),
            "topics": len(self.topic_ids),
            "subfields": len(self.subfield_ids),
            "fields": len(self.field_ids),
            "domains": len(self.domain_ids),
            "sources": len(self.source_ids),
            "cites": len(self.cites),
            "cites_self_loops": sum(1 for a, b in self.cites if a == b),
            "coauthor_pairs": len(self.coauthors),
            "co_occurs_pairs": len(self.co_occurs),
        }
