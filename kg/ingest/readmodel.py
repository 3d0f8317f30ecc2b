"""The read model: the figures a profile, topic or paper page shows, stored on the nodes at write
time so a request reads them instead of counting (docs/services.md, `## Read model`).

Stored figures and who keeps them exact:

* Paper: `citations` (max(cited_by_count, CITES edges into it)), `topical` (has a topic),
  `leveled_topics` (its level-`topic` topics), `novel` (metrics.py's definition).
* Topic: `papers` (its HAS_TOPIC in-degree); `top_papers`, `top_paper_citations` and
  `top_paper_years` (the first TOP_TOPIC_PAPERS papers on it or under it by stored citations,
  year, id; moved by `move_top_papers`: a merge of the old list with the batch's papers,
  recounting a topic only when its full list lost a paper's rank).
* Corpus (one node): `topical_papers` and `tagged_papers`, the N of adjacency and of novelty,
  moved by deltas from the papers' stored flags.
* Researcher: `works`, `citations`, `h_index`, `i10_index`, `first_year`, `last_year`,
  `topics`, `close_collaborators`, `followers`, `novel_works`, `novelty`, `ai_works`,
  `ai_score`, `top_coauthors` and `top_coauthor_works` (the first TOP_COAUTHORS co-authors by
  shared works, then id; derive/move_top_coauthors). `close_collaborators` moves with the
  COAUTHOR pairs (derive/move_coauthors: one up or down when a pair's works cross the rule's
  minimum), never by a recount of a hub's edges.

Each ingest batch refreshes, in its own transaction, the papers it wrote, the papers that lost
or gained a citation (CITES are linked in the batch, writer.py's `link_references`), the topics
it touched (a degree read each), the researchers whose works changed (an expansion over their own
works and their topics each) and, of those whose works' citations only changed, the citation
figures (their works' stored citations only). Novelty depends on
N, which every batch moves: each batch re-decides the papers that can have flipped, by a bound on
how far the counts moved (kg/ingest/novelty.py; a flip moves its authors' `novel_works` by one),
or, when they moved too far, every paper right after it commits (`after_batch`). So every
figure is exact after every batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.coauthorship import CLOSE_COLLABORATOR_MIN_WORKS, TOP_COAUTHORS
from kg.db.graph import Graph, Transaction
from kg.ingest import novelty
from kg.metrics import AI_CATEGORIES, AI_SUBFIELD
from kg.topics import TOP_TOPIC_PAPERS

CHUNK = 2000


def refresh(tx: Transaction, paper_ids: Iterable[str] = (), topic_ids: Iterable[str] = (),
            researcher_ids: Iterable[str] = ()) -> None:
    """Refresh the stored figures of these papers, topics and researchers (and the citation
    figures of the authors of papers whose citations changed) inside the caller's transaction."""
    researchers = set(researcher_ids)
    cited: set[str] = set()
    papers = sorted(set(paper_ids))
    if papers:
        row = tx.run("readmodel/paper_figures", paper_ids=papers)[0]
        cited = set(row["researcher_ids"]) - researchers
        if row["topical_delta"] or row["tagged_delta"]:
            tx.run("readmodel/add_to_corpus", topical_delta=row["topical_delta"],
                   tagged_delta=row["tagged_delta"])
    topics = sorted(set(topic_ids))
    if topics:
        tx.run("readmodel/topic_figures", topic_ids=topics)
    if researchers:
        tx.run("readmodel/researcher_figures", researcher_ids=sorted(researchers),
               ai_categories=list(AI_CATEGORIES), ai_subfield=AI_SUBFIELD)
    if cited:
        tx.run("readmodel/researcher_citations", researcher_ids=sorted(cited))


def move_top_papers(tx: Transaction, paper_ids: Iterable[str], left_topic_ids: Iterable[str] = (),
                    joined_topic_ids: Iterable[str] = ()) -> None:
    """Move the stored top papers of every topic these papers are on, or left (`left_topic_ids`),
    and of the topics above those, after their citations, years and topics were written (after
    `refresh`); the topics that gained a subtree (`joined_topic_ids`, from ingest/topics) and the
    topics above them are recounted."""
    papers, left, joined = sorted(set(paper_ids)), sorted(set(left_topic_ids)), sorted(
        set(joined_topic_ids))
    if papers or joined:
        tx.run("readmodel/move_top_papers", paper_ids=papers, topic_ids=left, joined_ids=joined,
               keep=TOP_TOPIC_PAPERS)


def after_batch(graph: Graph) -> None:
    """After a batch commits (and at the end of a file): every paper's novelty re-decided if the
    batch moved its inputs too far for a band, or an earlier re-basing was interrupted."""
    novelty.settle(graph)


def rebuild_all(graph: Graph, topic_ids: list[str], researcher_ids: list[str],
                paper_ids: list[str] | None = None) -> None:
    """Every stored figure from the facts (`kg derive --full`, after the derived edges)."""
    if paper_ids is None:
        paper_ids = [row["id"] for row in graph.read("readmodel/all_paper_ids")]
    _in_chunks(graph, paper_ids, lambda tx, ids: refresh(tx, paper_ids=ids))
    graph.write("readmodel/recount_corpus")
    _in_chunks(graph, topic_ids, lambda tx, ids: refresh(tx, topic_ids=ids))
    novelty.rebase(graph)
    _in_chunks(graph, researcher_ids, lambda tx, ids: refresh(tx, researcher_ids=ids))
    _in_chunks(graph, researcher_ids, lambda tx, ids: tx.run(
        "readmodel/close_collaborators", researcher_ids=ids,
        min_shared_works=CLOSE_COLLABORATOR_MIN_WORKS))
    store_top_coauthors(graph, researcher_ids)
    store_top_papers(graph, topic_ids)


def store_missing_rankings(graph: Graph) -> tuple[int, int]:
    """Count the rankings a store written before them lacks (`kg schema apply`): top papers of
    the topics with papers, top co-authors of the researchers with co-authors; returns how many
    topics and researchers were counted (both 0 on a store that has them all)."""
    topic_ids = [row["id"] for row in graph.read("readmodel/topics_missing_top_papers")]
    researcher_ids = [row["id"]
                      for row in graph.read("readmodel/researchers_missing_top_coauthors")]
    store_top_papers(graph, topic_ids)
    store_top_coauthors(graph, researcher_ids)
    return len(topic_ids), len(researcher_ids)


def store_top_papers(graph: Graph, topic_ids: list[str]) -> None:
    """Count these topics' top papers again from the papers under them (stored citations)."""
    _in_chunks(graph, topic_ids, lambda tx, ids: tx.run(
        "readmodel/top_papers", topic_ids=ids, keep=TOP_TOPIC_PAPERS))


def store_top_coauthors(graph: Graph, researcher_ids: list[str]) -> None:
    """Count these researchers' top co-authors again from their COAUTHOR edges."""
    _in_chunks(graph, researcher_ids, lambda tx, ids: tx.run(
        "readmodel/top_coauthors", researcher_ids=ids, keep=TOP_COAUTHORS))


def _in_chunks(graph: Graph, ids: list[str],
               work: Callable[[Transaction, list[str]], None]) -> None:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        graph.write_transaction(lambda tx, chunk=chunk: work(tx, chunk))
