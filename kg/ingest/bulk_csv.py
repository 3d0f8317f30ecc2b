"""The CSV files of a bulk load: parsed OpenAlex works -> node and relationship files in the
format of Neo4j's offline importer, holding exactly the graph the transactional path
(`kg/ingest/writer.py` batch by batch, then `derive`) would build from the same records.

Records stream through: each paper's own row and its relationships are written as it is read;
what later records can change (a researcher's name and ORCID, an institution's or source's
fields, the derived edges) is kept as compact per-node state and integer arrays, and written at
the end. The rules of the transactional path that depend on batches are kept: inside a batch the
first value seen wins, and a later batch's non-null value replaces an earlier one (`coalesce`).

Derived edges follow `queries/derive/*.cypher` to the bit: COAUTHOR pairs over papers with at most
`derive.COAUTHOR_MAX_AUTHORS` authors (shared works, first and last year, and the Newman weight,
a sum of terms rounded to multiples of 2^-40 like `derive.coauthor_term`, exact in any order),
AFFILIATED_WITH per researcher and institution of their authorships, CO_OCCURS per pair of topics
of a paper with the number of papers, PARTNER per pair of institutions named on one paper, with
its key pair = 'lowId|highId' as the derive queries write it.
"""

from __future__ import annotations

import multiprocessing
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TextIO

import numpy as np

from kg.coauthorship import TOP_COAUTHORS
from kg.ingest import bulk_figures, derive
from kg.ingest.novelty import CLASSES
from kg.ingest.records import PaperRecord, name_key
from kg.ingest.writer import _paper_row, _unique_authorships
from kg.metrics import AI_CATEGORIES, AI_SUBFIELD
from kg.topics import TOP_TOPIC_PAPERS

ARRAY_DELIMITER = "\x1f"  # never inside an identifier or a category
MISSING_YEAR = np.iinfo(np.int64).max
NO_YEAR = np.iinfo(np.int64).min  # the largest year of a group without years
ROWS_AT_ONCE = 1_000_000  # derived-edge rows formatted per slice: bounded lists of Python ints

PAPER_COLUMNS = (
    ("title", "string"), ("doi", "string"), ("abstract", "string"), ("year", "long"),
    ("date", "string"), ("type", "string"), ("cited_by_count", "long"),
    ("reported_years", "long[]"), ("reported_counts", "long[]"),
    ("is_retracted", "boolean"), ("referenced_works_count", "long"), ("upvotes", "long"),
    ("organisation", "string"), ("categories", "string[]"), ("published", "string"),
    ("listings", "string[]"), ("listed_author_count", "long"),
    ("ids", "string[]"), ("arxiv_id", "string"), ("sources", "string[]"), ("digest", "string"),
)
NODE_FILES = {
    "Paper": ("id:ID(Paper)", *(f"{name}:{kind}" for name, kind in PAPER_COLUMNS),
              "author_count:long", "votes:long", "date_key", "pending_refs:string[]",
              "citations:long", "topical:boolean", "leveled_topics:long", "novel:boolean",
              "novelty_margin:double", "novelty_class:long"),
    "Researcher": ("id:ID(Researcher)", "name", "name_key", "orcid", "verification_level:long",
                   "claimed:boolean", "open_to_collaborate:boolean", "works:long",
                   "citations:long", "h_index:long", "i10_index:long", "first_year:long",
                   "last_year:long", "novel_works:long", "novelty:double", "topics:long",
                   "close_collaborators:long", "followers:long", "ai_works:long",
                   "ai_score:long", "top_coauthors:string[]", "top_coauthor_works:long[]"),
    "Institution": ("id:ID(Institution)", "name", "ror", "country", "type"),
    "Topic": ("id:ID(Topic)", "name", "level", "papers:long", "top_papers:string[]",
              "top_paper_citations:long[]", "top_paper_years:long[]"),
    "Source": ("id:ID(Source)", "name", "type"),
    "Corpus": ("id:ID(Corpus)", "topical_papers:long", "tagged_papers:long",
               "novelty_stale:boolean", "novelty_n_min:long", "novelty_n_max:long",
               "novelty_topic_rises:double[]", "novelty_topic_falls:double[]",
               "novelty_pair_rises:double[]", "novelty_pair_falls:double[]"),
}
RELATIONSHIP_FILES = {
    "AUTHORED": ("Researcher", "Paper", ("position", "is_corresponding:boolean",
                                         "institution_ids:string[]")),
    "HAS_TOPIC": ("Paper", "Topic", ("score:double", "primary:boolean")),
    "PUBLISHED_IN": ("Paper", "Source", ()),
    "CITES": ("Paper", "Paper", ()),
    "PART_OF": ("Institution", "Institution", ()),
    "SUBTOPIC_OF": ("Topic", "Topic", ()),
    "COAUTHOR": ("Researcher", "Researcher", ("works:long", "first_year:long", "last_year:long",
                                              "weight:double")),
    "AFFILIATED_WITH": ("Researcher", "Institution", ("works:long", "first_year:long",
                                                      "last_year:long")),
    "CO_OCCURS": ("Topic", "Topic", ("papers:long",)),
    "PARTNER": ("Institution", "Institution", ("pair", "works:long")),
}


def field(value: Any) -> str:
    """One CSV field as the importer reads it: None is an empty (absent) field; strings are
    quoted (so '' stays an empty string); lists join on ARRAY_DELIMITER."""
    kind = type(value)
    if kind is str:
        return '"' + value.replace('"', '""') + '"'
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return repr(value)
    if kind is list or kind is tuple:
        return '"' + ARRAY_DELIMITER.join(str(v) for v in value).replace('"', '""') + '"'
    return '"' + str(value).replace('"', '""') + '"'


def _text(value: str | None) -> str:
    """`field` of a string or None."""
    return "" if value is None else '"' + value.replace('"', '""') + '"'


def line(values: Iterable[Any]) -> str:
    return ",".join(map(field, values)) + "\n"


def quoted(ids: list[str]) -> list[str]:
    """`field` of each id, computed once for the many rows that name it."""
    return ['"' + node_id.replace('"', '""') + '"' for node_id in ids]


def optional(values: list[Any]) -> list[str]:
    """`field` of each int, float or None (repr, or an empty field)."""
    return ["" if value is None else repr(value) for value in values]


class Interner:
    """Ids to dense integers, in order of first sight."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.ids: list[str] = []
        self._ranks = np.zeros(0, dtype=np.int64)

    def __call__(self, node_id: str) -> int:
        found = self.index.get(node_id)
        if found is None:
            found = self.index[node_id] = len(self.ids)
            self.ids.append(node_id)
        return found

    def ranks(self) -> np.ndarray:
        """Each node's rank in id order (Cypher compares ids as strings); sorted once for
        the final stage's several uses, again only if ids were added since."""
        if len(self._ranks) != len(self.ids):
            order = sorted(range(len(self.ids)), key=self.ids.__getitem__)
            self._ranks = np.empty(len(order), dtype=np.int64)
            self._ranks[order] = np.arange(len(order), dtype=np.int64)
        return self._ranks


class RenderedPaper(NamedTuple):
    """A paper's own CSV text and, as plain tuples (cheap to send from a worker), what the
    parent still needs of its record."""

    id: str
    year: int | None
    row: str  # the Paper row without the figures known at the end
    references: str  # its distinct references joined on ARRAY_DELIMITER, and a newline
    authored: str
    has_topic: str
    published_in: str
    reported: int  # cited_by_count
    ai: bool  # has an AI category
    people: tuple[tuple[str, str | None, str | None], ...]  # id, name, orcid per authorship
    places: tuple[tuple[Any, ...], ...]  # id, name, ror, country, type, lineage: each
    # institution once, its first record's fields and the union of its lineages
    unique: tuple[tuple[str, tuple[str, ...]], ...]  # _unique_authorships: id, institution ids
    topics: tuple[tuple[str, str | None, str | None, str | None], ...]  # id, name, level,
    # parent id of each assignment's topic and its ancestors, each topic once as first given
    topic_ids: tuple[str, ...]  # distinct, in order
    source: tuple[str, str | None, str | None] | None  # id, name, type


def render(paper: PaperRecord) -> RenderedPaper:
    row = _paper_row(paper)
    authorships = _unique_authorships(paper)
    props = row["props"]
    unique_topics = {t.topic.id: t for t in paper.topics}
    source = paper.source
    return RenderedPaper(
        id=paper.id,
        year=paper.year,
        row=line((paper.id, *(props[name] for name, _ in PAPER_COLUMNS), len(authorships),
                  props["upvotes"] or 0, props["date"] or "")),
        references=ARRAY_DELIMITER.join(row["references"]) + "\n",
        authored="".join(line((a.researcher.id, paper.id, a.position, a.is_corresponding,
                               [i.id for i in a.institutions])) for a in authorships),
        has_topic="".join(line((paper.id, topic_id, t.score, t.primary))
                          for topic_id, t in unique_topics.items()),
        published_in="" if source is None else line((paper.id, source.id)),
        reported=props["cited_by_count"] or 0,
        ai=any(c in AI_CATEGORIES for c in props["categories"] or ()),
        people=tuple((a.researcher.id, a.researcher.name, a.researcher.orcid)
                     for a in paper.authorships),
        places=_first_places(paper),
        unique=tuple((a.researcher.id, tuple(i.id for i in a.institutions))
                     for a in authorships),
        topics=_first_topics(paper),
        topic_ids=tuple(unique_topics),
        source=None if source is None else (source.id, source.name, source.type),
    )


def _first_places(paper: PaperRecord) -> tuple[tuple[Any, ...], ...]:
    """Each institution of the paper once: its first record's fields and the union of its
    lineages (what a batch keeps of it, so the parent merges less)."""
    places: dict[str, list[Any]] = {}
    for authorship in paper.authorships:
        for i in authorship.institutions:
            place = places.get(i.id)
            if place is None:
                places[i.id] = [i.id, i.name, i.ror, i.country, i.type, set(i.lineage)]
            else:
                place[5].update(i.lineage)
    return tuple((*place[:5], tuple(sorted(place[5]))) for place in places.values())


def _first_topics(paper: PaperRecord) -> tuple[tuple[str, Any, Any, Any], ...]:
    """Each topic of the paper and of its assignments' ancestors once, as first given."""
    first: dict[str, tuple[str, Any, Any, Any]] = {}
    for assignment in paper.topics:
        for t in (assignment.topic, *assignment.ancestors):
            if t.id not in first:
                first[t.id] = (t.id, t.name, t.level, t.parent_id)
    return tuple(first.values())


def parse_and_render(parse: Callable[[dict[str, Any]], PaperRecord],
                     obj: dict[str, Any]) -> tuple[Any, ...]:
    """A parsing worker's whole share of the CSV work for one line (`functools.partial` of a
    format's parser is the `parse` of `parallel_parse.parse_file`): the fields of its
    `RenderedPaper` as a plain tuple, which the parent unpickles without calling Python code."""
    return tuple(render(parse(obj)))


class CsvGraph:
    """Writes the CSV files of one bulk load into `directory`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.papers = Interner()
        self.researchers = Interner()
        self.institutions = Interner()
        self.topics = Interner()
        self.sources = Interner()
        self.researcher_fields: list[list[Any]] = []  # name, name_key, orcid
        self.name_keys: dict[str, str] = {}
        self.institution_fields: list[list[Any]] = []  # name, ror, country, type
        self.topic_fields: list[list[Any]] = []  # name, level
        self.source_fields: list[list[Any]] = []  # name, type
        self.part_of: set[tuple[int, int]] = set()
        self.subtopic_of: set[tuple[int, int]] = set()
        self.paper_years = array("q")
        self.paper_author_counts = array("q")
        self.paper_reported = array("q")  # cited_by_count
        self.paper_ai = bytearray()  # has an AI category
        self.authored = (array("q"), array("q"))  # paper, researcher (papers in order)
        self.affiliations = (array("q"), array("q"), array("q"))  # researcher, institution, paper
        self.has_topic = (array("q"), array("q"))  # paper, topic
        self.files: dict[str, TextIO] = {}
        self.authored_file = self._open("AUTHORED", RELATIONSHIP_FILES["AUTHORED"])
        self.has_topic_file = self._open("HAS_TOPIC", RELATIONSHIP_FILES["HAS_TOPIC"])
        self.published_in_file = self._open("PUBLISHED_IN", RELATIONSHIP_FILES["PUBLISHED_IN"])
        # a paper's row waits for its pending references, known once every paper is read;
        # rows may hold newlines, so each is staged behind its length
        self.staged_papers = (directory / "papers.staged").open("w", encoding="utf-8", newline="")
        self.references = (directory / "references.staged").open("w", encoding="utf-8",
                                                                 newline="")

    def path(self, name: str) -> Path:
        return self.directory / f"{name}.csv"

    def _open(self, name: str, spec: tuple[str, str, tuple[str, ...]] | None = None,
              node_header: tuple[str, ...] | None = None) -> TextIO:
        out = self._file(name, spec, node_header)
        self.files[name] = out
        return out

    def _file(self, name: str, spec: tuple[str, str, tuple[str, ...]] | None = None,
              node_header: tuple[str, ...] | None = None) -> TextIO:
        """A new CSV file with its header."""
        out = self.path(name).open("w", encoding="utf-8", newline="")
        if spec is not None:
            start, end, props = spec
            out.write(",".join((f":START_ID({start})", f":END_ID({end})", *props)) + "\n")
        else:
            assert node_header is not None
            out.write(",".join(node_header) + "\n")
        return out

    def add_batch(self, papers: list[PaperRecord] | list[tuple[Any, ...]]) -> None:
        """One batch of the transactional path (papers with unique ids, not seen before), as
        records or as the fields of their `RenderedPaper` (`parse_and_render`, done by the
        parsing workers of a bulk load)."""
        researchers: dict[str, list[Any]] = {}
        institutions: dict[str, list[Any]] = {}
        topics: dict[str, tuple[Any, ...]] = {}
        for item in papers:
            paper = item if isinstance(item, tuple) else render(item)
            people, places, topics_given = self._paper(paper)
            for researcher_id, name, orcid in people:
                row = researchers.get(researcher_id)
                if row is None:
                    researchers[researcher_id] = [name, orcid]
                    continue
                if not row[1]:
                    row[1] = orcid
                if row[0] is None and name:
                    row[0] = name
            for place in places:
                inst = institutions.get(place[0])
                if inst is None:
                    institutions[place[0]] = [*place[1:5], set(place[5])]
                else:
                    inst[4].update(place[5])
            for topic in topics_given:
                if topic[0] not in topics:
                    topics[topic[0]] = topic
        index, fields = self.researchers.index, self.researcher_fields
        for researcher_id, (name, orcid) in researchers.items():
            state = fields[index[researcher_id]]
            if name is not None:
                state[0] = name
                if name:
                    state[1] = self._name_key(name)
            if orcid is not None:
                state[2] = orcid
        for institution_id, (*given, lineage) in institutions.items():
            state = self._state(self.institutions, self.institution_fields, institution_id, 4)
            state[:] = [new if new is not None else old for new, old in zip(given, state,
                                                                            strict=True)]
            child = self.institutions(institution_id)
            for ancestor in sorted(lineage):
                if ancestor != institution_id:
                    self._state(self.institutions, self.institution_fields, ancestor, 4)
                    self.part_of.add((child, self.institutions(ancestor)))
        for topic_id, name, level, parent_id in topics.values():
            state = self._state(self.topics, self.topic_fields, topic_id, 2)
            state[0], state[1] = name if name is not None else state[0], level
            if parent_id is not None:
                self._state(self.topics, self.topic_fields, parent_id, 2)
                self.subtopic_of.add((self.topics(topic_id), self.topics(parent_id)))

    def _name_key(self, name: str) -> str:
        key = self.name_keys.get(name)
        if key is None:
            key = self.name_keys[name] = name_key(name)
        return key

    @staticmethod
    def _state(interner: Interner, fields: list[list[Any]], node_id: str, width: int) -> list[Any]:
        index = interner(node_id)
        if index == len(fields):
            fields.append([None] * width)
        return fields[index]

    def _paper(self, paper: tuple[Any, ...]) -> tuple[Any, Any, Any]:
        """Writes a paper's own rows and keeps its integer state; returns its people, places
        and topics (`RenderedPaper`'s fields), merged per batch by `add_batch`."""
        (paper_id, year, row, references, authored, has_topic, published_in, reported, ai,
         people_given, places_given, unique, topics_given, topic_ids, source) = paper
        number = self.papers(paper_id)
        self.staged_papers.write(f"{len(row)}\n{row}")
        self.references.write(references)
        self.paper_years.append(MISSING_YEAR if year is None else year)
        self.paper_author_counts.append(len(unique))
        self.paper_reported.append(reported)
        self.paper_ai.append(ai)
        self.authored_file.write(authored)
        people, people_ids = self.researchers.index, self.researchers.ids
        places, place_ids = self.institutions.index, self.institutions.ids
        authors: list[int] = []
        affiliated: list[int] = []
        named: list[int] = []
        for researcher_id, institution_ids in unique:
            researcher = people.get(researcher_id)
            if researcher is None:
                researcher = people[researcher_id] = len(people_ids)
                people_ids.append(researcher_id)
                self.researcher_fields.append([None, None, None])
            authors.append(researcher)
            for institution_id in institution_ids:
                place = places.get(institution_id)
                if place is None:
                    place = places[institution_id] = len(place_ids)
                    place_ids.append(institution_id)
                    self.institution_fields.append([None, None, None, None])
                affiliated.append(researcher)
                named.append(place)
        self.authored[0].extend([number] * len(authors))
        self.authored[1].extend(authors)
        self.affiliations[0].extend(affiliated)
        self.affiliations[1].extend(named)
        self.affiliations[2].extend([number] * len(named))
        self.has_topic_file.write(has_topic)
        topics, known_topics = self.topics.index, self.topics.ids
        tagged: list[int] = []
        for topic_id in topic_ids:
            topic = topics.get(topic_id)
            if topic is None:
                topic = topics[topic_id] = len(known_topics)
                known_topics.append(topic_id)
                self.topic_fields.append([None, None])
            tagged.append(topic)
        self.has_topic[0].extend([number] * len(tagged))
        self.has_topic[1].extend(tagged)
        if source is not None:
            source_id, name, kind = source
            state = self._state(self.sources, self.source_fields, source_id, 2)
            state[0] = name if name is not None else state[0]
            state[1] = kind if kind is not None else state[1]
            self.published_in_file.write(published_in)
        return people_given, places_given, topics_given

    def finish(self) -> dict[str, list[Path]]:
        """Write what needed every record; returns the node and relationship files by label/type."""
        self.staged_papers.close()
        self.references.close()
        citations = self._in_child("CITES", self._citations)
        waits = [citations]
        try:
            topic_is_leveled = np.array(
                [f[1] == bulk_figures.TOPIC_LEVEL for f in self.topic_fields], dtype=bool)
            has_topic = (np.frombuffer(self.has_topic[0], dtype=np.int64),
                         np.frombuffer(self.has_topic[1], dtype=np.int64))
            pairs, pair_keys, pair_papers = self._cooccurrence(has_topic)
            coauthor_ends, coauthor_works, write_coauthors = self._coauthors()
            waits.append(self._in_child("COAUTHOR", write_coauthors))
            ai_topic = bulk_figures.ai_topics(self.topics.ids, self.subtopic_of, AI_SUBFIELD)
            paper_is_ai = np.frombuffer(bytes(self.paper_ai), dtype=np.uint8).astype(bool)
            if len(has_topic[0]):
                paper_is_ai |= np.bincount(has_topic[0], weights=ai_topic[has_topic[1]],
                                           minlength=len(paper_is_ai)) > 0
            self._text_nodes("Institution", self.institutions, self.institution_fields)
            self._text_nodes("Source", self.sources, self.source_fields)
            self._pairs("PART_OF", self.institutions, self.institutions, self.part_of)
            self._pairs("SUBTOPIC_OF", self.topics, self.topics, self.subtopic_of)
            self._affiliations()
            self._partners()
            figures = bulk_figures.paper_figures(
                np.frombuffer(self.paper_reported, dtype=np.int64), citations(), has_topic,
                topic_is_leveled, pairs, pair_keys, pair_papers, len(self.topics.ids))
            waits.append(self._in_child("Paper", self._papers, figures))
            people = bulk_figures.researcher_figures(
                (np.frombuffer(self.authored[0], dtype=np.int64),
                 np.frombuffer(self.authored[1], dtype=np.int64)),
                len(self.researchers.ids), figures, np.frombuffer(self.paper_years, dtype=np.int64),
                MISSING_YEAR, has_topic, topic_is_leveled, paper_is_ai, coauthor_ends,
                coauthor_works)
            waits.append(self._in_child("Researcher", self._researchers, people, coauthor_ends,
                                        coauthor_works))
            topic_papers = figures.topic_papers.tolist()
            tops = self._top_papers(has_topic, figures.citations)
            self._nodes("Topic", self.topics,
                        [[*f, n, *top] for f, n, top in zip(self.topic_fields, topic_papers, tops,
                                                            strict=True)],
                        tuple)
            corpus = self._open("Corpus", node_header=NODE_FILES["Corpus"])
            tagged = figures.tagged_papers
            corpus.write(line(("corpus", figures.topical_papers, tagged, False, tagged, tagged,
                               *([0.0] * CLASSES,) * 4)))
            for out in self.files.values():
                out.close()
        finally:
            for wait in waits:
                wait()
        return {name: [self.path(name)] for name in (*self.files, "CITES", "Paper", "Researcher",
                                                      "COAUTHOR")}

    @staticmethod
    def _in_child(name: str, write: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        """Runs `write(*args)` in a forked process (it writes one file while this process goes
        on: the cores share the final stage); returns the call that waits for it and returns
        its result or raises its error (the same each time it is called)."""
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)

        def run() -> None:
            try:
                result = write(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                send.send((exc, None))
            else:
                send.send((None, result))

        process = context.Process(target=run, name=f"bulk-csv-{name}")
        process.start()
        send.close()
        outcome: list[tuple[BaseException | None, Any]] = []

        def wait() -> Any:
            if not outcome:
                try:
                    outcome.append(receive.recv())
                except EOFError:
                    outcome.append((OSError(f"the process writing {name}.csv ended without "
                                            "finishing it"), None))
                process.join()
            error, result = outcome[0]
            if error is not None:
                raise error
            return result

        return wait

    def _top_coauthors(self, ends: tuple[np.ndarray, np.ndarray], works: np.ndarray
                       ) -> list[str]:
        """Each researcher's two fields `top_coauthors` and `top_coauthor_works`: its first
        TOP_COAUTHORS co-authors by shared works (descending), then id (readmodel/top_coauthors),
        both empty (absent) without a co-author."""
        size = len(self.researchers.ids)
        person = np.concatenate(ends)
        other = np.concatenate(ends[::-1])
        shared = np.concatenate((works, works))
        order = np.lexsort((self.researchers.ranks()[other], -shared, person))
        person, other, shared = person[order], other[order], shared[order]
        starts = np.searchsorted(person, np.arange(size))
        position = np.arange(len(person)) - starts[person]
        keep = position < TOP_COAUTHORS
        person, other, shared = person[keep], other[keep], shared[keep]
        bounds = np.searchsorted(person, np.arange(size + 1)).tolist()
        ids, counts = self.researchers.ids, list(map(str, shared.tolist()))
        others = other.tolist()
        join = ARRAY_DELIMITER.join
        return [  # line((ids, counts))[:-1], without its per-value calls
            '"' + join([ids[o] for o in others[at:end]]).replace('"', '""') + '","'
            + join(counts[at:end]) + '"' if end > at else ","
            for at, end in zip(bounds[:-1], bounds[1:], strict=True)]

    def _top_papers(self, has_topic: tuple[np.ndarray, np.ndarray], citations: np.ndarray
                    ) -> list[tuple[Any, Any, Any]]:
        """Each topic's three fields `top_papers`, `top_paper_citations` and `top_paper_years`:
        its first TOP_TOPIC_PAPERS papers on it or on a topic up to three SUBTOPIC_OF below it,
        by citations (descending), year (newest first, none as 0), then id
        (readmodel/top_papers), all absent without a paper."""
        size = len(self.topics.ids)
        parents: dict[int, list[int]] = defaultdict(list)
        for child, parent in self.subtopic_of:
            parents[child].append(parent)
        above: list[list[int]] = []
        for topic in range(size):
            reached, frontier = {topic}, {topic}
            for _ in range(3):
                frontier = {p for t in frontier for p in parents.get(t, ())} - reached
                reached |= frontier
            above.append(sorted(reached))
        counts = np.array([len(a) for a in above], dtype=np.int64)
        flat = np.array([t for a in above for t in a], dtype=np.int64)
        starts = np.cumsum(counts) - counts
        paper, topic = has_topic
        repeats = counts[topic]
        total = int(repeats.sum())
        offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(repeats) - repeats,
                                                               repeats)
        under = flat[np.repeat(starts[topic], repeats) + offsets]
        pairs = np.unique(under * max(len(self.papers.ids), 1) + np.repeat(paper, repeats))
        under, paper = np.divmod(pairs, max(len(self.papers.ids), 1))
        years = np.frombuffer(self.paper_years, dtype=np.int64)
        years = np.where(years == MISSING_YEAR, 0, years)[paper]
        cited = citations[paper]
        order = np.lexsort((self.papers.ranks()[paper], -years, -cited, under))
        under, paper, years, cited = under[order], paper[order], years[order], cited[order]
        position = np.arange(len(under)) - np.searchsorted(under, under)
        keep = position < TOP_TOPIC_PAPERS
        under, paper, years, cited = under[keep], paper[keep], years[keep], cited[keep]
        bounds = np.searchsorted(under, np.arange(size + 1)).tolist()
        ids, papers, cited_list, year_list = self.papers.ids, paper.tolist(), cited.tolist(), \
            years.tolist()
        return [([ids[p] for p in papers[at:end]], cited_list[at:end], year_list[at:end])
                if end > at else (None, None, None)
                for at, end in zip(bounds[:-1], bounds[1:], strict=True)]

    def _researchers(self, people: bulk_figures.ResearcherFigures,
                     coauthor_ends: tuple[np.ndarray, np.ndarray],
                     coauthor_works: np.ndarray) -> None:
        with self._file("Researcher", node_header=NODE_FILES["Researcher"]) as out:
            self._researcher_rows(out, people, self._top_coauthors(coauthor_ends,
                                                                   coauthor_works))

    def _researcher_rows(self, out: TextIO, people: bulk_figures.ResearcherFigures,
                         tops: list[str]) -> None:
        columns = zip(quoted(self.researchers.ids), self.researcher_fields, people.works.tolist(),
                      people.citations.tolist(), people.h_index.tolist(),
                      people.i10_index.tolist(), optional(people.first_year),
                      optional(people.last_year),
                      people.novel_works.tolist(), people.novelty.tolist(),
                      people.topics.tolist(), people.close_collaborators.tolist(),
                      people.ai_works.tolist(), people.ai_score.tolist(), tops, strict=True)
        out.writelines(
            f"{node_id},{_text(name)},{_text(key)},{_text(orcid)},0,false,false,{works},{citations},"
            f"{h_index},{i10},{first},{last},{novel},{novelty!r},{topics},{close},0,{ai_works},"
            f"{ai_score},{top}\n"
            for (node_id, (name, key, orcid), works, citations, h_index, i10, first, last, novel,
                 novelty, topics, close, ai_works, ai_score, top) in columns)

    def _nodes(self, label: str, interner: Interner, fields: list[list[Any]], row) -> None:
        out = self._open(label, node_header=NODE_FILES[label])
        for node_id, values in zip(interner.ids, fields, strict=True):
            out.write(line((node_id, *row(values))))

    def _text_nodes(self, label: str, interner: Interner, fields: list[list[str | None]]
                    ) -> None:
        """`_nodes` of nodes whose fields are all strings or None."""
        out = self._open(label, node_header=NODE_FILES[label])
        out.writelines(",".join([node_id, *map(_text, values)]) + "\n"
                       for node_id, values in zip(quoted(interner.ids), fields, strict=True))

    def _pairs(self, name: str, starts: Interner, ends: Interner,
               pairs: Iterable[tuple[int, int]]) -> None:
        out = self._open(name, RELATIONSHIP_FILES[name])
        for start, end in sorted(pairs):
            out.write(line((starts.ids[start], ends.ids[end])))

    def _references(self) -> Iterator[tuple[str, list[str]]]:
        with (self.directory / "references.staged").open(encoding="utf-8",
                                                         newline="") as references:
            for paper_id, refs in zip(self.papers.ids, references, strict=True):
                yield paper_id, refs.rstrip("\n").split(ARRAY_DELIMITER) if refs != "\n" else []

    def _citations(self) -> np.ndarray:
        """Writes CITES between papers of the load; returns each paper's CITES in-degree."""
        find = self.papers.index.get
        ids = quoted(self.papers.ids)
        cited = array("q")
        with self._file("CITES", RELATIONSHIP_FILES["CITES"]) as cites:
            for number, (_, refs) in enumerate(self._references()):
                found = [at for at in map(find, refs) if at is not None]
                if found:
                    start = ids[number] + ","
                    cites.write("".join([start + ids[at] + "\n" for at in found]))
                    cited.extend(found)
        return np.bincount(np.frombuffer(cited, dtype=np.int64), minlength=len(self.papers.ids))

    def _papers(self, figures: bulk_figures.PaperFigures) -> None:
        with self._file("Paper", node_header=NODE_FILES["Paper"]) as out:
            self._paper_rows(out, figures)
        (self.directory / "papers.staged").unlink()
        (self.directory / "references.staged").unlink()

    def _paper_rows(self, out: TextIO, figures: bulk_figures.PaperFigures) -> None:
        known = self.papers.index
        columns = zip(self._references(), figures.citations.tolist(), figures.topical.tolist(),
                      figures.leveled_topics.tolist(), figures.novel.tolist(),
                      figures.novelty_margin, figures.novelty_class, strict=True)
        with (self.directory / "papers.staged").open(encoding="utf-8", newline="") as staged:
            for (_, refs), citations, topical, leveled, novel, margin, rank in columns:
                row = staged.read(int(staged.readline()))
                pending = [ref for ref in refs if ref not in known]
                out.write(row[:-1] + "," + line((pending, citations, topical, leveled,
                                                 True if novel else None, margin, rank)))

    def _coauthors(self) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray,
                                  Callable[[], None]]:
        """The COAUTHOR edges: their (low, high) ends and works, and the call that writes them."""
        papers = np.frombuffer(self.authored[0], dtype=np.int64)
        people = np.frombuffer(self.authored[1], dtype=np.int64)
        counts = np.frombuffer(self.paper_author_counts, dtype=np.int64)
        years = np.frombuffer(self.paper_years, dtype=np.int64)
        keep = counts[papers] <= derive.COAUTHOR_MAX_AUTHORS
        first, second, paper = _pairs_within(papers[keep], people[keep])
        ranks = self.researchers.ranks()
        low = np.where(ranks[first] < ranks[second], first, second)
        high = np.where(ranks[first] < ranks[second], second, first)
        size = len(self.researchers.ids)
        terms = np.round(2.0 ** 40 / (counts[paper] - 1)) / 2.0 ** 40  # derive.coauthor_term
        groups = _Groups(low * size + high, counts[paper])
        works = groups.count()
        first_year, last_year = groups.min_max(years[paper])
        weight = groups.ordered_sum(terms)

        def write() -> None:
            ids = quoted(self.researchers.ids)
            with self._file("COAUTHOR", RELATIONSHIP_FILES["COAUTHOR"]) as out:
                for at in range(0, len(groups.keys), ROWS_AT_ONCE):
                    part = slice(at, at + ROWS_AT_ONCE)
                    keys = groups.keys[part]
                    out.writelines(
                        f"{ids[a]},{ids[b]},{n},{lo},{hi},{w!r}\n"
                        for a, b, n, lo, hi, w in zip(
                            (keys // size).tolist(), (keys % size).tolist(),
                            works[part].tolist(), optional(first_year[part]),
                            optional(last_year[part]), weight[part].tolist(), strict=True))

        return (groups.keys // size, groups.keys % size), works, write

    def _affiliations(self) -> None:
        out = self._open("AFFILIATED_WITH", RELATIONSHIP_FILES["AFFILIATED_WITH"])
        people = np.frombuffer(self.affiliations[0], dtype=np.int64)
        places = np.frombuffer(self.affiliations[1], dtype=np.int64)
        papers = np.frombuffer(self.affiliations[2], dtype=np.int64)
        years = np.frombuffer(self.paper_years, dtype=np.int64)
        size = len(self.institutions.ids)
        groups = _Groups(people * size + places, papers)
        works = groups.count()
        first_year, last_year = groups.min_max(years[papers])
        people_ids, place_ids = quoted(self.researchers.ids), quoted(self.institutions.ids)
        out.writelines(
            f"{people_ids[a]},{place_ids[b]},{n},{lo},{hi}\n" for a, b, n, lo, hi in zip(
                (groups.keys // size).tolist(), (groups.keys % size).tolist(), works.tolist(),
                optional(first_year), optional(last_year), strict=True))

    def _cooccurrence(self, has_topic: tuple[np.ndarray, np.ndarray]) -> tuple[Any, ...]:
        """Writes CO_OCCURS; returns the topic pairs of every paper (first, second, paper, low,
        high), the edges' keys (low * topics + high, sorted) and their paper counts."""
        out = self._open("CO_OCCURS", RELATIONSHIP_FILES["CO_OCCURS"])
        papers, topics = has_topic
        first, second, paper = _pairs_within(papers, topics)
        ranks = self.topics.ranks()
        low = np.where(ranks[first] < ranks[second], first, second)
        high = np.where(ranks[first] < ranks[second], second, first)
        size = len(self.topics.ids)
        groups = _Groups(low * size + high, np.zeros(len(low), dtype=np.int64))
        together = groups.count()
        a, b = groups.keys // size, groups.keys % size
        ids = quoted(self.topics.ids)
        out.writelines(f"{ids[x]},{ids[y]},{n}\n"
                       for x, y, n in zip(a.tolist(), b.tolist(), together.tolist(), strict=True))
        return (first, second, paper, low, high), groups.keys, together

    def _partners(self) -> None:
        """PARTNER per pair of distinct institutions named on one paper (derive.PaperFacts)."""
        out = self._open("PARTNER", RELATIONSHIP_FILES["PARTNER"])
        places = np.frombuffer(self.affiliations[1], dtype=np.int64)
        papers = np.frombuffer(self.affiliations[2], dtype=np.int64)
        counts = np.frombuffer(self.paper_author_counts, dtype=np.int64)
        size = len(self.institutions.ids)
        keep = counts[papers] <= derive.COAUTHOR_MAX_AUTHORS
        named = np.unique(papers[keep] * size + places[keep])
        first, second, _ = _pairs_within(named // size, named % size)
        ranks = self.institutions.ranks()
        low = np.where(ranks[first] < ranks[second], first, second)
        high = np.where(ranks[first] < ranks[second], second, first)
        groups = _Groups(low * size + high, np.zeros(len(low), dtype=np.int64))
        ids = quoted(self.institutions.ids)  # the pair's field: both quoted ids joined on |
        out.writelines(f"{ids[a]},{ids[b]},{ids[a][:-1]}|{ids[b][1:]},{n}\n" for a, b, n in zip(
            (groups.keys // size).tolist(), (groups.keys % size).tolist(),
            groups.count().tolist(), strict=True))


def _pairs_within(groups: np.ndarray, members: np.ndarray) -> tuple[np.ndarray, ...]:
    """Every unordered pair of distinct members of a group (groups given in runs, in order):
    first member, second member, group."""
    if len(groups) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    sizes = np.diff(np.r_[starts, len(groups)])
    found: list[tuple[np.ndarray, ...]] = []
    for size in np.unique(sizes):
        if size < 2:
            continue
        at = starts[sizes == size]
        block = members[at[:, None] + np.arange(size)]
        left, right = np.triu_indices(size, 1)
        found.append((block[:, left].ravel(), block[:, right].ravel(),
                      np.repeat(groups[at], len(left))))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))


class _Groups:
    """Items grouped by key, each group ordered by `order` (then by input position)."""

    def __init__(self, keys: np.ndarray, order: np.ndarray) -> None:
        self.sort = np.lexsort((order, keys))
        sorted_keys = keys[self.sort]
        self.starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]) \
            if len(sorted_keys) else np.zeros(0, dtype=np.int64)
        self.keys = sorted_keys[self.starts]

    def count(self) -> np.ndarray:
        return np.diff(np.r_[self.starts, len(self.sort)])

    def min_max(self, years: np.ndarray) -> tuple[list[int | None], list[int | None]]:
        """The smallest and largest year of each group, None where no item has a year."""
        if not len(self.starts):
            return [], []
        ordered = years[self.sort]
        known = ordered != MISSING_YEAR
        low = np.minimum.reduceat(ordered, self.starts)
        high = np.maximum.reduceat(np.where(known, ordered, NO_YEAR), self.starts)
        return ([None if v == MISSING_YEAR else v for v in low.tolist()],
                [None if v == NO_YEAR else v for v in high.tolist()])

    def ordered_sum(self, terms: np.ndarray) -> np.ndarray:
        """0.0 + t1 + t2 + ... per group, added one by one in group order (as Cypher's reduce
        does), so the float is the same to the last bit."""
        ordered = terms[self.sort]
        group = np.repeat(np.arange(len(self.starts)), self.count())
        rank = np.arange(len(ordered)) - self.starts[group]
        totals = np.zeros(len(self.starts))
        by_rank = np.argsort(rank, kind="stable")
        bounds = np.searchsorted(rank[by_rank], np.arange(rank.max() + 2 if len(rank) else 1))
        for r in range(len(bounds) - 1):
            chosen = by_rank[bounds[r]:bounds[r + 1]]
            totals[group[chosen]] += ordered[chosen]
        return totals


def iter_batches(records: Iterator[PaperRecord], size: int) -> Iterator[list[PaperRecord]]:
    batch: list[PaperRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
