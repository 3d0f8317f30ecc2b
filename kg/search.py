"""Full-text search and autocomplete over papers (title, abstract), researchers, topics and
institutions, through the fulltext indexes of schema/indexes.cypher.

Ranking across types: Lucene scores of different indexes are not comparable (each index has its
own term statistics and field lengths), so each type's scores are divided by the best score of
that type for the query. Every type's best hit thus scores 1.0 and the merged list interleaves
the types by how close each hit is to its type's best; ties go to researchers, then topics,
institutions and papers.

User input never reaches Lucene as syntax: every Lucene special character is escaped and the
words AND, OR, NOT are lower-cased into plain terms, so any input is a bag of terms (Lucene's
default OR; more matching terms score higher). Tokens without a letter or digit carry no term
and are dropped; a query left with no terms finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.db.graph import Graph
from kg.errors import BadInput
from kg.paging import check_first
from kg.vocabulary import NODE_TYPES, SEARCHABLE_TYPES

MAX_TERMS = 32  # keeps Lucene far below its limit on clauses
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


def lucene_terms(text: str) -> str:
    """Free text as a Lucene query of literal terms (any input is valid)."""
    tokens = [t for t in text.split() if _WORD.search(t)][:MAX_TERMS]
    return " ".join(escape_term(t) for t in tokens)


def lucene_prefix(text: str) -> str:
    """Typed-so-far text as a Lucene query: every word required, the last one as a prefix
    (`+word*`, with the whole word also scored so an exact word ranks first)."""
    words = [w.lower() for w in _WORD.findall(text)][-MAX_TERMS:]
    if not words:
        return ""
    *complete, last = (escape_term(w) for w in words)
    return " ".join([f"+{w}" for w in complete] + [f"+({last}* {last})"])


def search(graph: Graph, query: str, types: Sequence[str] | None = None,
           first: int = 10) -> list[SearchHit]:
    """The best `first` hits for free text across the wanted types."""
    _check(query, first, graph.settings.max_page_size)
    return _run(graph, lucene_terms(query), types, first)


def autocomplete(graph: Graph, prefix: str, types: Sequence[str] | None = None,
                 first: int = 10) -> list[SearchHit]:
    """Completions of what a user has typed so far: the last word is taken as a prefix."""
    _check(prefix, first, graph.settings.max_page_size)
    return _run(graph, lucene_prefix(prefix), types, first)


def _check(text: str, first: int, max_page_size: int) -> None:
    if not text or not text.strip():
        raise BadInput("a search needs some text")
    check_first(first, max_page_size)


def _wanted_types(types: Sequence[str] | None) -> list[str]:
    if types is None:
        return list(SEARCHABLE_TYPES)
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
    rows = graph.read("explore/search_text", query=lucene_query, types=wanted, first=first)
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
