"""The read model's stored figures of a bulk load, computed from the integer arrays of the CSV
stage instead of a Cypher pass over every node after the import: the same values
`kg/ingest/readmodel.py`'s queries (`queries/readmodel/*.cypher`) store, by the same rules and
float expressions (paper citations, topical, leveled_topics, novel, novelty_margin and _class; topic
papers; the corpus counters and novelty's drift baseline; researcher works, citations, h_index,
i10_index, first and last year, novel_works, novelty, topics, close_collaborators, followers,
ai_works, ai_score). The bulk == transactional
test compares every property of idb03, these included.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kg.coauthorship import CLOSE_COLLABORATOR_MIN_WORKS
from kg.ingest.novelty import CLASSES, EXPAND_BELOW, MARGIN_GRID
from kg.metrics import ATYPICAL_NPMI

TOPIC_LEVEL = "topic"
AI_ANCESTRY_STEPS = 3  # SUBTOPIC_OF*0..3 in readmodel/researcher_figures
_NO_YEAR = np.iinfo(np.int64).min


@dataclass(frozen=True)
class PaperFigures:
    citations: np.ndarray
    topical: np.ndarray
    leveled_topics: np.ndarray
    novel: np.ndarray
    novelty_margin: list[float | None]
    novelty_class: list[int | None]
    topic_papers: np.ndarray

    @property
    def topical_papers(self) -> int:
        return int(self.topical.sum())

    @property
    def tagged_papers(self) -> int:
        return int((self.leveled_topics > 0).sum())


@dataclass(frozen=True)
class ResearcherFigures:
    works: np.ndarray
    citations: np.ndarray
    h_index: np.ndarray
    i10_index: np.ndarray
    first_year: list[int | None]
    last_year: list[int | None]
    novel_works: np.ndarray
    novelty: np.ndarray
    topics: np.ndarray
    close_collaborators: np.ndarray
    ai_works: np.ndarray
    ai_score: np.ndarray


def paper_figures(reported: np.ndarray, linked: np.ndarray, has_topic: tuple[np.ndarray, ...],
                  topic_is_leveled: np.ndarray, pairs: tuple[np.ndarray, ...],
                  pair_keys: np.ndarray, pair_papers: np.ndarray,
                  topic_count: int) -> PaperFigures:
    """`reported`/`linked`: cited_by_count and CITES in-degree per paper; `has_topic`: (paper,
    topic) per edge; `pairs`: (first topic, second topic, paper) of every pair of topics of a
    paper, `pair_keys`/`pair_papers` the CO_OCCURS edges (low * topic_count + high, papers)."""
    papers, topics = has_topic
    count = len(reported)
    topic_papers = np.bincount(topics, minlength=topic_count)
    topical = np.bincount(papers, minlength=count) > 0
    leveled = np.bincount(papers, weights=topic_is_leveled[topics], minlength=count)
    leveled = leveled.astype(np.int64)
    n = float((leveled > 0).sum())
    novel = np.zeros(count, dtype=bool)
    least = np.full(count, np.inf)
    smallest = np.full(count, np.inf)  # the least count >= EXPAND_BELOW of a pair or its topics
    first, second, paper, low, high = pairs
    both = topic_is_leveled[first] & topic_is_leveled[second]
    if both.any():
        low, high, paper = low[both], high[both], paper[both]
        n_ab = pair_papers[np.searchsorted(pair_keys, low * topic_count + high)].astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            npmi = np.where(n_ab == n, 1.0,
                            np.log(n_ab * n / (topic_papers[low].astype(float)
                                               * topic_papers[high]))
                            / -np.log(n_ab / n))
            h = ((1 + ATYPICAL_NPMI) * np.log(n_ab) - np.log(topic_papers[low].astype(float))
                 - np.log(topic_papers[high].astype(float)))
        novel[paper[npmi < ATYPICAL_NPMI]] = True
        np.minimum.at(least, paper, h)
        for counted in (n_ab, topic_papers[low], topic_papers[high]):
            np.minimum.at(smallest, paper, np.where(counted >= EXPAND_BELOW, counted, np.inf))
    margin = np.floor(least * MARGIN_GRID + 0.5) / MARGIN_GRID
    exponent = np.frexp(np.where(np.isinf(smallest), 1.0, smallest))[1] - 1  # floor(log2)
    rank = np.where(np.isinf(smallest), CLASSES - 1, np.minimum(exponent, CLASSES - 1))
    key = 2 * rank + novel
    return PaperFigures(citations=np.maximum(reported, linked), topical=topical,
                        leveled_topics=leveled, novel=novel,
                        novelty_margin=[None if m == np.inf else m for m in margin.tolist()],
                        novelty_class=[None if m == np.inf else k
                                       for m, k in zip(margin.tolist(), key.tolist(),
                                                       strict=True)],
                        topic_papers=topic_papers)


def researcher_figures(authored: tuple[np.ndarray, np.ndarray], count: int,
                       papers: PaperFigures, years: np.ndarray, missing_year: int,
                       has_topic: tuple[np.ndarray, np.ndarray], topic_is_leveled: np.ndarray,
                       paper_is_ai: np.ndarray, coauthor_ends: tuple[np.ndarray, np.ndarray],
                       coauthor_works: np.ndarray) -> ResearcherFigures:
    """`authored`: (paper, researcher) per AUTHORED edge, papers in order; `coauthor_ends`
    and `coauthor_works`: the COAUTHOR edges."""
    paper, person = authored
    works = np.bincount(person, minlength=count)
    cited = papers.citations[paper]
    citations = np.bincount(person, weights=cited, minlength=count).astype(np.int64)
    order = np.lexsort((-cited, person))
    ranked_people, ranked = person[order], cited[order]
    starts = np.searchsorted(ranked_people, ranked_people)
    rank = np.arange(len(order)) - starts
    h_index = np.bincount(ranked_people, weights=ranked >= rank + 1, minlength=count)
    i10 = np.bincount(person, weights=cited >= 10, minlength=count)
    paper_years = years[paper]
    low = np.full(count, missing_year, dtype=np.int64)
    np.minimum.at(low, person, paper_years)
    high = np.full(count, _NO_YEAR, dtype=np.int64)
    np.maximum.at(high, person, np.where(paper_years == missing_year, _NO_YEAR, paper_years))
    novel_works = np.bincount(person, weights=papers.novel[paper], minlength=count)
    novel_works = novel_works.astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        novelty = np.where(works > 0, novel_works.astype(float) / works, 0.0)
    ai_works = np.bincount(person, weights=paper_is_ai[paper], minlength=count).astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ai_score = np.where(works > 0, np.floor(100.0 * ai_works / works + 0.5), 0)
    close = coauthor_works >= CLOSE_COLLABORATOR_MIN_WORKS
    collaborators = (np.bincount(coauthor_ends[0][close], minlength=count)
                     + np.bincount(coauthor_ends[1][close], minlength=count))
    return ResearcherFigures(
        works=works, citations=citations, h_index=h_index.astype(np.int64),
        i10_index=i10.astype(np.int64),
        first_year=[None if v == missing_year else v for v in low.tolist()],
        last_year=[None if v == _NO_YEAR else v for v in high.tolist()],
        novel_works=novel_works, novelty=novelty,
        topics=_distinct_topics(paper, person, count, has_topic, topic_is_leveled),
        close_collaborators=collaborators, ai_works=ai_works, ai_score=ai_score.astype(np.int64))


def _distinct_topics(paper: np.ndarray, person: np.ndarray, count: int,
                     has_topic: tuple[np.ndarray, np.ndarray],
                     topic_is_leveled: np.ndarray) -> np.ndarray:
    """Distinct level-`topic` topics of each researcher's works (has_topic in paper order)."""
    topic_paper, topic = has_topic
    keep = topic_is_leveled[topic]
    topic_paper, topic = topic_paper[keep], topic[keep]
    if not len(topic):
        return np.zeros(count, dtype=np.int64)
    papers = int(max(paper.max(initial=-1), topic_paper.max()) + 1)
    first = np.searchsorted(topic_paper, np.arange(papers))
    per_paper = np.bincount(topic_paper, minlength=papers)
    repeats = per_paper[paper]
    people = np.repeat(person, repeats)
    offsets = np.arange(repeats.sum()) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    topics = topic[np.repeat(first[paper], repeats) + offsets]
    pairs = np.unique(people * (int(topic.max()) + 1) + topics)
    return np.bincount(pairs // (int(topic.max()) + 1), minlength=count)


def ai_topics(topic_ids: list[str], parents: set[tuple[int, int]], subfield: str) -> np.ndarray:
    """Topics at most AI_ANCESTRY_STEPS SUBTOPIC_OF steps below `subfield` (itself included)."""
    reach = np.array([topic_id == subfield for topic_id in topic_ids], dtype=bool)
    for _ in range(AI_ANCESTRY_STEPS):
        grown = reach.copy()
        for child, parent in parents:
            if reach[parent]:
                grown[child] = True
        reach = grown
    return reach
