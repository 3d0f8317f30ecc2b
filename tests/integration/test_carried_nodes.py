"""The nodes a read-model row carries (so the API needs no follow-up node query) equal the nodes
the node queries return for the same ids: a co-author page's people, a researcher's papers, a
paper's authors and topics, a topic's adjacent topics and top papers, and the node a page of
co-authors, papers or adjacent topics belongs to (a researcher with its figures, for
co-authors; a topic with its top papers, for adjacent topics)."""

from __future__ import annotations

from kg import coauthorship, metrics, nodes, papers, topics
from kg.db.graph import Graph
from kg.papers import PaperOrder


def _hubs(graph: Graph) -> list[str]:
    _, rows, _ = graph.run_read_only(
        "MATCH (r:Researcher) RETURN r.id AS id ORDER BY COUNT { (r)-[:COAUTHOR]-() } DESC, r.id "
        "LIMIT 5", {}, 10.0, 5, 1_000_000)
    return [row["id"] for row in rows]


def _largest_topics(graph: Graph) -> list[str]:
    _, rows, _ = graph.run_read_only(
        "MATCH (t:Topic) RETURN t.id AS id ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC, t.id "
        "LIMIT 5", {}, 10.0, 5, 1_000_000)
    return [row["id"] for row in rows]


def test_a_coauthor_page_carries_each_coauthors_node_as_the_node_query_reads_it(
        idb03_graph: Graph) -> None:
    for page in coauthorship.coauthors_for(idb03_graph, _hubs(idb03_graph), 100).values():
        carried = {c.id: c.node for c in page.items}
        assert carried and None not in carried.values()
        assert carried == nodes.researchers_by_ids(idb03_graph, list(carried))


def test_a_page_of_papers_carries_each_papers_node_in_either_order(idb03_graph: Graph) -> None:
    hubs = _hubs(idb03_graph)
    for order in PaperOrder:
        for page in papers.papers_of(idb03_graph, hubs, 50, order=order).values():
            assert page.items and set(page.nodes) == set(page.items)
            assert dict(page.nodes) == nodes.papers_by_ids(idb03_graph, page.items)


def test_the_authors_and_topics_of_papers_carry_their_nodes(idb03_graph: Graph) -> None:
    paper_ids = [i for page in papers.papers_of(idb03_graph, _hubs(idb03_graph), 50).values()
                 for i in page.items]
    people = {a.researcher_id: a.node for found in papers.authors_of(idb03_graph, paper_ids)
              .values() for a in found}
    assigned = {t.topic_id: t.node for found in papers.topics_of(idb03_graph, paper_ids)
                .values() for t in found}
    assert people and assigned
    assert people == nodes.researchers_by_ids(idb03_graph, list(people))
    assert assigned == nodes.topics_by_ids(idb03_graph, list(assigned))


def test_adjacent_topics_and_top_papers_carry_their_nodes(idb03_graph: Graph) -> None:
    topic_ids = _largest_topics(idb03_graph)
    adjacent = {a.topic.id: a.node for page in topics.adjacent_topics_for(
        idb03_graph, topic_ids, 50).values() for a in page.items}
    top = {p.id: p.node for found in topics.top_papers_for(idb03_graph, topic_ids, 50).values()
           for p in found}
    assert adjacent and top
    assert adjacent == nodes.topics_by_ids(idb03_graph, list(adjacent))
    assert top == nodes.papers_by_ids(idb03_graph, list(top))


def test_carried_nodes_leave_the_services_answers_equal_to_rows_without_them(
        idb03_graph: Graph) -> None:
    hub = _hubs(idb03_graph)[0]
    page = coauthorship.coauthors_of(idb03_graph, hub, 10)
    bare = [coauthorship.Coauthor(c.id, c.name, c.shared_works, c.first_year, c.last_year)
            for c in page.items]
    assert page.items == bare


def test_researchers_with_their_figures_are_the_nodes_and_the_metrics_of_the_two_queries(
        idb03_graph: Graph) -> None:
    ids = [*_hubs(idb03_graph), "A0-not-there"]
    found, figures = metrics.researchers_with_metrics(idb03_graph, ids)
    assert set(found) == set(figures) == set(ids[:-1])
    assert found == nodes.researchers_by_ids(idb03_graph, ids)
    assert figures == metrics.metrics_for(idb03_graph, ids)


def test_authors_and_topics_read_together_equal_each_read_alone(idb03_graph: Graph) -> None:
    paper_ids = list(dict.fromkeys([
        i for page in papers.papers_of(idb03_graph, _hubs(idb03_graph), 50).values()
        for i in page.items])) + ["W0-not-there"]
    authors, assigned = papers.authors_and_topics_of(idb03_graph, paper_ids)
    assert authors == papers.authors_of(idb03_graph, paper_ids)
    assert assigned == papers.topics_of(idb03_graph, paper_ids)
    assert [a.node for found in authors.values() for a in found] == [
        a.node for found in papers.authors_of(idb03_graph, paper_ids).values() for a in found]
    assert [t.node for found in assigned.values() for t in found] == [
        t.node for found in papers.topics_of(idb03_graph, paper_ids).values() for t in found]


def test_a_coauthor_page_with_its_owner_carries_the_researchers_node_and_figures(
        idb03_graph: Graph) -> None:
    hubs = _hubs(idb03_graph)
    pages = coauthorship.coauthors_for(idb03_graph, [*hubs, "A0"], 5, with_owner=True)
    people, figures = metrics.researchers_with_metrics(idb03_graph, hubs)
    assert set(pages) == set(hubs)
    for rid in hubs:
        assert pages[rid] == coauthorship.coauthors_of(idb03_graph, rid, 5)
        assert pages[rid].owner == (people[rid], figures[rid])


def test_a_page_of_papers_with_its_owner_carries_the_researchers_node(idb03_graph: Graph) -> None:
    hubs = _hubs(idb03_graph)
    people = nodes.researchers_by_ids(idb03_graph, hubs)
    for with_authors_and_topics in (False, True):
        pages = papers.papers_of(idb03_graph, [*hubs, "A0"], 5, with_owner=True,
                                 with_authors_and_topics=with_authors_and_topics)
        alone = papers.papers_of(idb03_graph, hubs, 5,
                                 with_authors_and_topics=with_authors_and_topics)
        assert {rid: page.owner for rid, page in pages.items()} == {
            **{rid: (people[rid],) for rid in hubs}, "A0": None}
        assert all(pages[rid] == alone[rid] and alone[rid].owner is None for rid in hubs)


def test_adjacent_topics_with_their_owner_carry_the_topics_node(idb03_graph: Graph) -> None:
    topic_ids = _largest_topics(idb03_graph)
    pages = topics.adjacent_topics_for(idb03_graph, [*topic_ids, "T0"], 5, with_owner=True)
    alone = topics.adjacent_topics_for(idb03_graph, topic_ids, 5)
    found = nodes.topics_by_ids(idb03_graph, topic_ids)
    assert set(pages) == set(topic_ids)
    assert all(pages[t] == alone[t] and pages[t].owner == (found[t],) for t in topic_ids)


def test_adjacent_topics_read_with_top_papers_carry_the_top_papers_query_reads(
        idb03_graph: Graph) -> None:
    topic_ids = _largest_topics(idb03_graph)
    pages = topics.adjacent_topics_for(idb03_graph, [*topic_ids, "T0"], 5, with_owner=True,
                                       top_papers=10)
    alone = topics.adjacent_topics_for(idb03_graph, topic_ids, 5)
    found = nodes.topics_by_ids(idb03_graph, topic_ids)
    top = topics.top_papers_for(idb03_graph, topic_ids, 10)
    assert set(pages) == set(topic_ids) and all(len(top[t]) == 10 for t in topic_ids)
    for t in topic_ids:
        assert pages[t] == alone[t] and pages[t].owner == (found[t], top[t])
        assert [p.node for p in pages[t].owner[1]] == [p.node for p in top[t]]
