"""The <kg-graph> web component in the example host page (explorer/public/profile.html, a
researcher profile laid out like the product's), in Debian's Chromium against a live server:
what it draws equals the services' answers; labels never overlap; legend and filters; events;
keyboard and the list equivalent; collaboration path; topic map; themes; axe-core; a 500-node
graph timed. Screenshots of each state go to test-output/explorer/."""

from __future__ import annotations

import math
from collections.abc import Iterator

import networkx
import pytest
from playwright.sync_api import Browser, Page, expect

from kg import coauthorship, metrics, neighbourhood, topics
from kg import trust as kg_trust
from kg.db.graph import Graph
from testkit.datasets import IDB03_WORKS
from testkit.oracle import Oracle, load_works
from tests.e2e.pages import (
    OUTPUT,
    RECORD_EVENTS,
    events,
    label_overlaps,
    researcher_two_steps_away,
    serious_accessibility_violations,
    wait_for_events,
)

RESEARCHER = "A5085007251"
HOST_TYPES = ["RESEARCHER", "INSTITUTION", "PAPER"]
HOST_LIMIT = 15
WIDGET = "#widget"
PAGE_TIMEOUT_MS = 120_000  # a loaded 2-core machine, software rendering
def widget(page: Page, expression: str):  # noqa: ANN201
    return page.evaluate(f"(() => {{ const w = document.querySelector('{WIDGET}'); "
                         f"return {expression}; }})()")


def open_host(browser: Browser, live_server: str, researcher: str = RESEARCHER,
              color_scheme: str = "light") -> Page:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, color_scheme=color_scheme)
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))  # type: ignore[attr-defined]
    page.add_init_script(RECORD_EVENTS)
    page.goto(f"{live_server}/explorer/profile.html?id={researcher}")
    wait_for_events(page, "graph-load", 1)
    return page


@pytest.fixture
def host(idb03_graph: Graph, live_server: str, browser: Browser) -> Iterator[Page]:
    page = open_host(browser, live_server)
    yield page
    assert not page.errors, page.errors  # type: ignore[attr-defined]


def test_host_page_shows_the_profile_and_the_widget_draws_the_services_neighbourhood(
        idb03_graph: Graph, host: Page) -> None:
    expected = neighbourhood.neighbourhood(idb03_graph, RESEARCHER, 1, HOST_TYPES, HOST_LIMIT)
    assert set(widget(host, "w.cy.nodes().map((n) => n.id())")) == {n.id for n in expected.nodes}
    assert set(widget(host, "w.cy.edges().map((e) => e.id())")) == {e.id for e in expected.edges}
    weights = dict(widget(host, "w.cy.edges().map((e) => [e.id(), e.data('weight')])"))
    assert weights == {e.id: e.weight for e in expected.edges}

    host.wait_for_function("document.getElementById('works').textContent !== '–'")
    figures = metrics.researcher_metrics(idb03_graph, RESEARCHER)
    assert host.inner_text("#works") == str(figures.works)
    assert host.inner_text("#h-index") == str(figures.h_index)
    assert host.inner_text("#name") == expected.center.label
    legend = host.inner_text("kg-graph .legend.nodes")
    for kind, name in [("RESEARCHER", "Researchers"), ("INSTITUTION", "Institutions"),
                       ("PAPER", "Papers")]:
        count = sum(1 for n in expected.nodes if n.type == kind)
        assert f"{name}\n{count}" in legend or f"{name} {count}" in legend, legend
    assert "co-authors" in host.inner_text("kg-graph .legend.edges")
    assert "shared works" in host.inner_text("kg-graph .legend.edges")
    host.screenshot(path=str(OUTPUT / "host-neighbourhood.png"), full_page=True)


def test_labels_of_the_important_nodes_never_overlap_and_zooming_in_shows_more(
        host: Page) -> None:
    labelled = widget(host, "w.labelled")
    assert RESEARCHER in labelled and len(labelled) >= 5
    assert label_overlaps(host, WIDGET) == []
    hidden = widget(host, "w.cy.nodes().length") - len(labelled)
    assert hidden > 0, "a busy neighbourhood should leave some labels to hover and zoom"

    widget(host, "w.cy.zoom({ level: w.cy.zoom() * 2.5, "
                 "renderedPosition: { x: w.cy.width() / 2, y: w.cy.height() / 2 } })")
    host.wait_for_timeout(300)
    zoomed = widget(host, "w.labelled")
    assert set(zoomed) - set(labelled), "zooming in should make room for more labels"
    assert label_overlaps(host, WIDGET) == []
    host.screenshot(path=str(OUTPUT / "host-zoomed.png"))


def test_clicking_a_node_selects_and_expands_it_near_its_parent_with_dom_events(
        idb03_graph: Graph, host: Page) -> None:
    shown = neighbourhood.neighbourhood(idb03_graph, RESEARCHER, 1, HOST_TYPES, HOST_LIMIT)
    coauthor = next(n for n in shown.nodes if n.type == "RESEARCHER" and n.id != RESEARCHER)
    before = set(widget(host, "w.cy.nodes().map((n) => n.id())"))
    widget(host, f"w.cy.getElementById('{coauthor.id}').emit('tap')")
    expanded = wait_for_events(host, "expand", 2)[-1]
    assert expanded["id"] == coauthor.id
    assert events(host, "node-select")[-1] == {"id": coauthor.id, "type": "RESEARCHER",
                                               "label": coauthor.label, "weight": coauthor.weight}
    assert host.inner_text("#selected").startswith(f"Selected: {coauthor.label}")

    around = neighbourhood.neighbourhood(idb03_graph, coauthor.id, 1, HOST_TYPES, HOST_LIMIT)
    added = set(expanded["added"])
    assert added == {n.id for n in around.nodes} - before
    positions = dict(widget(host, "w.cy.nodes().map((n) => [n.id(), n.position()])"))

    def distance(a: str, b: str) -> float:
        return math.dist((positions[a]["x"], positions[a]["y"]),
                         (positions[b]["x"], positions[b]["y"]))

    near_parent = sum(distance(n, coauthor.id) for n in added) / len(added)
    others = sum(distance(n, coauthor.id) for n in before) / len(before)
    assert near_parent < others, (near_parent, others)

    weighted = widget(host, "w.cy.edges('.weighted').map((e) => [e.data('type'), "
                            "e.data('weight'), e.data('weightLabel')])")
    assert weighted and all(label for _, _, label in weighted)
    assert all(label == str(int(weight)) for kind, weight, label in weighted
               if kind == "COAUTHOR")
    host.screenshot(path=str(OUTPUT / "host-expanded.png"))


def test_legend_filters_hide_a_kind_of_node_or_link_in_the_graph_and_the_list(
        idb03_graph: Graph, host: Page) -> None:
    total = widget(host, "w.cy.nodes(':visible').length")
    papers_shown = widget(host, "w.cy.nodes('[type = \"PAPER\"]').length")
    assert papers_shown > 0
    host.uncheck("kg-graph .legend input[data-kind='PAPER']")
    assert widget(host, "w.cy.nodes('[type = \"PAPER\"]:visible').length") == 0
    assert widget(host, "w.cy.nodes(':visible').length") == total - papers_shown
    assert "Hiding Papers" in host.inner_text("kg-graph .status")
    host.click("kg-graph .list summary")
    expect(host.locator("kg-graph .list ul.nodes > li")).to_have_count(total - papers_shown)
    host.screenshot(path=str(OUTPUT / "host-filtered.png"))

    host.uncheck("kg-graph .legend input[data-kind='AFFILIATED_WITH']")
    assert widget(host, "w.cy.edges('[type = \"AFFILIATED_WITH\"]:visible').length") == 0
    host.check("kg-graph .legend input[data-kind='PAPER']")
    assert widget(host, "w.cy.nodes(':visible').length") == total
    assert label_overlaps(host, WIDGET) == []


def test_keyboard_moves_between_nodes_enter_expands_and_the_list_holds_the_same_graph(
        host: Page) -> None:
    host.focus("kg-graph .canvas")
    assert widget(host, "w.cy.$('node:selected').length") == 0
    host.keyboard.press("ArrowRight")
    assert widget(host, "w.cy.$('node:selected').id()") == RESEARCHER
    start = widget(host, "w.cy.getElementById(w.cy.$('node:selected').id()).position()")
    host.keyboard.press("ArrowRight")
    moved = widget(host, "w.cy.$('node:selected').id()")
    assert moved != RESEARCHER
    assert widget(host, f"w.cy.getElementById('{moved}').position().x") > start["x"]
    assert events(host, "node-select")[-1]["id"] == moved
    assert host.inner_text("kg-graph .status").startswith(
        widget(host, f"w.cy.getElementById('{moved}').data('label')"))
    host.keyboard.press("Enter")
    assert wait_for_events(host, "expand", 2)[-1]["id"] == moved
    host.keyboard.press("Escape")
    assert widget(host, "w.cy.$('node:selected').length") == 0

    host.click("kg-graph .list summary")
    nodes = widget(host, "w.cy.nodes(':visible').length")
    items = host.locator("kg-graph .list ul.nodes > li")
    expect(items).to_have_count(nodes)
    links = widget(host, "w.cy.edges(':visible').length")
    assert host.inner_text("kg-graph .list summary") == \
        f"Graph as a list: {nodes} nodes, {links} links"
    first = items.first.locator("button").first
    first.focus()
    host.keyboard.press("Enter")
    assert events(host, "node-select")[-1]["id"] == first.get_attribute("data-id")
    host.screenshot(path=str(OUTPUT / "host-keyboard-list.png"), full_page=True)


def test_collaboration_path_to_a_researcher_shows_each_step_with_its_papers(
        idb03_graph: Graph, host: Page) -> None:
    far = researcher_two_steps_away(idb03_graph, RESEARCHER)
    far_name = neighbourhood.neighbourhood(idb03_graph, far, 1, ["RESEARCHER"], 1).center.label
    host.fill("#path-input", far_name)
    host.click("#path-form button")
    loaded = wait_for_events(host, "graph-load", 2)[-1]
    assert loaded["view"] == "path"
    target = widget(host, "w.getAttribute('to')")
    path = coauthorship.collaboration_path(idb03_graph, RESEARCHER, target)
    assert path is not None and path.length >= 1
    drawn = widget(host, "w.cy.nodes('[type = \"RESEARCHER\"]').map((n) => n.id())")
    assert drawn == [r.id for r in path.researchers]
    for step in path.steps:
        label = widget(host, f"w.cy.getElementById('{step.from_id}-COAUTHOR-{step.to_id}')"
                             ".data('pathLabel')")
        assert label == f"{len(step.papers)} shared"
    papers = set(widget(host, "w.cy.nodes('[type = \"PAPER\"]').map((n) => n.id())"))
    assert papers and papers <= {p.id for step in path.steps for p in step.papers}
    host.click("kg-graph .list summary")
    steps = host.locator("kg-graph .list ol.steps > li")
    expect(steps).to_have_count(path.length)
    for index, step in enumerate(path.steps):
        text = steps.nth(index).inner_text()
        assert all((p.title or p.id) in text for p in step.papers)
    assert label_overlaps(host, WIDGET) == []
    host.screenshot(path=str(OUTPUT / "host-path.png"), full_page=True)


def test_unconnected_researchers_unknown_nodes_and_an_unreachable_api_are_told_apart(
        idb03_graph: Graph, host: Page) -> None:
    oracle = Oracle.from_works(load_works(IDB03_WORKS))
    coauthors = networkx.Graph(list(oracle.coauthors))
    coauthors.add_nodes_from(oracle.researchers)
    alone = min(r for r in oracle.researchers
                if not networkx.has_path(coauthors, RESEARCHER, r))
    assert coauthorship.collaboration_path(idb03_graph, RESEARCHER, alone) is None
    widget(host, f"w.showPath('{RESEARCHER}', '{alone}')")
    host.wait_for_function(f"document.querySelector('{WIDGET}').shadowRoot"
                           ".querySelector('.status').textContent.includes('not connected')")
    assert widget(host, "w.cy.nodes().length") == 0

    widget(host, "w.setAttribute('view', 'neighbourhood')")
    widget(host, "w.setAttribute('node', 'A0')")
    failed = wait_for_events(host, "graph-error", 1)[-1]
    assert failed["code"] == "NOT_FOUND"
    assert "Error" in host.inner_text("kg-graph .status")

    widget(host, "(w.setAttribute('api', 'http://127.0.0.1:9/graphql'), "
                 f"w.setAttribute('node', '{RESEARCHER}'))")
    assert wait_for_events(host, "graph-error", 2)[-1]["code"] == "UNAVAILABLE"
    assert "cannot be reached" in host.inner_text("kg-graph .status")


def test_topic_map_sizes_topics_by_papers_links_them_by_cooccurrence_and_colours_by_field(
        idb03_graph: Graph, host: Page) -> None:
    host.click("#view-topics")
    loaded = wait_for_events(host, "graph-load", 2)[-1]
    assert loaded["view"] == "topics"
    expected = topics.topic_map(idb03_graph, RESEARCHER, first=30)
    drawn = dict(widget(host, "w.cy.nodes().map((n) => [n.id(), n.data('weight')])"))
    assert drawn == {t.id: t.papers for t in expected.topics}
    links = dict(widget(host, "w.cy.edges().map((e) => [e.id(), e.data('weight')])"))
    assert links == {f"{link.source}-CO_OCCURS-{link.target}": link.cooccurrences
                     for link in expected.links}
    colours = dict(widget(host, "w.cy.nodes().map((n) => [n.id(), n.data('color')])"))
    fields = {t.id: t.field for t in expected.topics}
    by_field: dict[str | None, set[str]] = {}
    for topic_id, field in fields.items():
        by_field.setdefault(field, set()).add(colours[topic_id])
    assert all(len(shades) == 1 for shades in by_field.values())
    legend = host.inner_text("kg-graph .legend.nodes")
    assert all(field in legend for field in by_field if field)
    assert label_overlaps(host, WIDGET) == []
    host.screenshot(path=str(OUTPUT / "host-topics.png"), full_page=True)


def test_dark_theme_follows_the_system_setting(idb03_graph: Graph, live_server: str,
                                               browser: Browser) -> None:
    page = open_host(browser, live_server, color_scheme="dark")
    assert widget(page, "w.shadowRoot.querySelector('.root').dataset.theme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(11, 17, 32)"
    page.screenshot(path=str(OUTPUT / "host-dark.png"), full_page=True)
    page.emulate_media(color_scheme="light")
    page.wait_for_function(f"document.querySelector('{WIDGET}').shadowRoot"
                           ".querySelector('.root').dataset.theme === 'light'")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_core_finds_no_serious_or_critical_violations(
        idb03_graph: Graph, live_server: str, browser: Browser, scheme: str) -> None:
    kg_trust.compute(idb03_graph)
    page = open_host(browser, live_server, color_scheme=scheme)
    page.wait_for_function("document.getElementById('works').textContent !== '–'")
    page.click("kg-graph .list summary")
    assert serious_accessibility_violations(page) == []
    page.click("#view-topics")
    wait_for_events(page, "graph-load", 2)
    assert serious_accessibility_violations(page) == []

    explorer = browser.new_page(color_scheme=scheme)
    explorer.set_default_timeout(PAGE_TIMEOUT_MS)
    explorer.goto(f"{live_server}/explorer/")
    explorer.evaluate(f"window.explorer.explore('{RESEARCHER}', 'RESEARCHER')")
    explorer.wait_for_selector("#profile-name")
    assert serious_accessibility_violations(explorer) == []


def test_a_500_node_neighbourhood_is_laid_out_and_drawn_in_headless_chromium(
        idb03_graph: Graph, live_server: str, browser: Browser,
        capsys: pytest.CaptureFixture[str]) -> None:
    page = open_host(browser, live_server)
    widget(page, "(w.setAttribute('types', 'RESEARCHER,PAPER,TOPIC,INSTITUTION,SOURCE'), "
                 "w.setAttribute('limit', '100'), w.setAttribute('depth', '2'))")
    wait_for_events(page, "graph-load", 2)
    ranked = widget(page, "w.cy.nodes('[type = \"RESEARCHER\"]').sort("
                          "(a, b) => b.data('weight') - a.data('weight')).map((n) => n.id())")
    for node_id in ranked:
        if widget(page, "w.cy.nodes().length") >= 500:
            break
        widget(page, f"w.expand('{node_id}')")
        page.wait_for_function(f"document.querySelector('{WIDGET}').state.expanded"
                               f".has('{node_id}')")
    timing = page.evaluate(f"document.querySelector('{WIDGET}').relayout()")
    assert timing["nodes"] >= 500
    assert label_overlaps(page, WIDGET) == []
    page.screenshot(path=str(OUTPUT / "host-500-nodes.png"))
    with capsys.disabled():
        print(f"\n<kg-graph> {timing['nodes']} nodes, {timing['edges']} edges: fcose layout "
              f"{timing['layoutMs']} ms, fit + labels + first frame {timing['drawMs']} ms, "
              f"total {timing['totalMs']} ms (headless Chromium, software rendering)")
