"""Full-text search and autocomplete over papers (title, abstract), researchers, topics and
institutions, through the fulltext indexes of schema/indexes.cypher. Those indexes are eventually
consistent: a write shows in search moments after it commits (an ingest's commit does not wait
for Lucene); `kg ingest` returns once they hold everything it wrote.

Ranking across types: Lucene scores of different indexes are not comparable (each index has its
own term statistics and field lengths), so each type's scores are divided by the best score of
that type for the query. Every type's best hit thus scores 1.0 and the merged list interleaves
the types by how close each hit is to its type's best; ties go to researchers, then topics,
institutions and papers.

User input never reaches Lucene as syntax: every Lucene special character is escaped and the
words AND, OR, NOT are lower-cased into plain terms, so any input is a bag of terms (Lucene's
default OR; more matching terms score higher). Tokens without a letter or digit carry no term
and are dropped; a query left with no terms finds nothing.

Bounds, so Lucene's own limits (1024 clauses, automaton and term sizes) are never reached and
never reach a caller: a text longer than `max_chars` (KG_SEARCH_MAX_CHARS) is BadInput; only
its first `max_terms` words (KG_SEARCH_MAX_TERMS; the last ones for autocomplete) are sent,
counting the words inside a token the way Lucene's analyzer splits it (`a-b-c` is three).
`types` None means every searchable type; an empty list is BadInput.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import BadInput
from kg.paging import check_first
from kg.vocabulary import NODE_TYPES, SEARCHABLE_TYPES

log = logging.getLogger(__name__)

MAX_TERMS = Settings.search_max_terms
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_OPERATORS = {"AND", "OR", "NOT"}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    id: str
    type: str
    label: str | None
    score: float  # 1.0 for the best hit of its type, see the module docstring


def escape_term(token: str) -> str:
    """One whitespace-free token as a literal Lucene term."""
    if token in _OPERATORS:
        return token.lower()
    return _LUCENE_SPECIAL.sub(r"\\\1", token)


def lucene_terms(text: str, max_terms: int = MAX_TERMS) -> str:
    """Free text as a Lucene query of literal terms (any input is valid), at most `max_terms`
    words: a token with more words than are left is cut to its first words."""
    kept: list[str] = []
    left = max_terms
    for token in text.split():
        words = _WORD.findall(token)
        if not words:
            continue
        if len(words) > left:
            kept.extend(escape_term(w) for w in words[:left])
            break
        kept.append(escape_term(token))
        left -= len(words)
        if left == 0:
            break
    return " ".join(kept)


def lucene_prefix(text: str, max_terms: int = MAX_TERMS) -> str:
    """Typed-so-far text as a Lucene query: every word required, the last one as a prefix
    (`+word*`, with the whole word also scored so an exact word ranks first)."""
    words = [w.lower() for w in _WORD.findall(text)][-max_terms:]
    if not words:
        return ""
    *complete, last = (escape_term(w) for w in words)
    return " ".join([f"+{w}" for w in complete] + [f"+({last}* {last})"])


def search(graph: Graph, query: str, types: Sequence[str] | None = None,
           first: int = 10) -> list[SearchHit]:
    """The best `first` hits for free text across the wanted types."""
    _check(graph.settings, query, first)
    return _run(graph, lucene_terms(query, graph.settings.search_max_terms), types, first)


def autocomplete(graph: Graph, prefix: str, types: Sequence[str] | None = None,
                 first: int = 10) -> list[SearchHit]:
    """Completions of what a user has typed so far: the last word is taken as a prefix."""
    _check(graph.settings, prefix, first)
    return _run(graph, lucene_prefix(prefix, graph.settings.search_max_terms), types, first)


def _check(settings: Settings, text: str, first: int) -> None:
    max_chars = settings.search_max_chars
    if not text or not text.strip():
        raise BadInput("a search needs some text")
    if len(text) > max_chars:
        raise BadInput(f"a search text may have at most {max_chars} characters, "
                       f"this one has {len(text):,}")
    check_first(first, settings.max_page_size)


def _wanted_types(types: Sequence[str] | None) -> list[str]:
    if types is None:
        return list(SEARCHABLE_TYPES)
    if not types:
        raise BadInput("types is empty: name at least one type, or leave it out for all")
    unknown = set(types) - set(NODE_TYPES)
    if unknown:
        raise BadInput(f"unknown node type(s) {sorted(unknown)}; use {', '.join(NODE_TYPES)}")
    # Sources have no full-text index: asking for them finds nothing rather than failing.
    return [t for t in SEARCHABLE_TYPES if t in types]


def _run(graph: Graph, lucene_query: str, types: Sequence[str] | None,
         first: int) -> list[SearchHit]:
    wanted = _wanted_types(types)
    if not lucene_query or not wanted:
        return []
    try:
        rows = graph.read("explore/search_text", query=lucene_query, types=wanted, first=first)
    except BadInput as exc:
        # Lucene refused the query despite the bounds; its words stay in the log
        log.warning("full-text query refused: %s", exc)
        raise BadInput("the search text could not be searched: use fewer or shorter "
                       "words") from exc
    best: dict[str, float] = {}
    for row in rows:
        best[row["type"]] = max(best.get(row["type"], 0.0), row["score"])
    hits = [
        SearchHit(id=row["id"], type=row["type"], label=row["label"],
                  score=row["score"] / best[row["type"]] if best[row["type"]] > 0 else 0.0)
        for row in rows
    ]
    order = {t: i for i, t in enumerate(SEARCHABLE_TYPES)}
    hits.sort(key=lambda h: (-h.score, order[h.type]))
    return hits[:first]
