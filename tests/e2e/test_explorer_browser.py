"""The /explorer page (built from the <kg-graph> component) in Debian's Chromium (headless)
against a live server: search, pick a researcher, expand a node, show more, pick two researchers
for their collaboration path, the topic map. Screenshots go to test-output/explorer/."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from kg import coauthorship, neighbourhood
from kg import trust as kg_trust
from kg.db.graph import Graph
from tests.e2e.pages import OUTPUT, researcher_two_steps_away

RESEARCHER = "A5103059223"


def graph_node_ids(page: Page) -> set[str]:
    return set(page.evaluate("window.explorer.cy.nodes().map((n) => n.id())"))


def wait_for_load(page: Page, count: int) -> None:
    page.wait_for_function(f"(window.kgLoads || 0) >= {count}")


RECORD_LOADS = """document.addEventListener("graph-load", () => {
  window.kgLoads = (window.kgLoads || 0) + 1; });"""


def test_search_pick_expand_and_show_more(idb03_graph: Graph, live_server: str,
                                          browser: Browser) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    kg_trust.compute(idb03_graph)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(120_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_LOADS)
    page.goto(f"{live_server}/explorer/")

    page.fill("#search-input", "Philip Allen")
    page.select_option("#search-type", "RESEARCHER")
    page.click("#search-form button[type=submit]")
    page.click(f"#search-results button[data-id='{RESEARCHER}']")
    page.wait_for_selector("#profile-trust")
    wait_for_load(page, 1)
    expected = neighbourhood.neighbourhood(idb03_graph, RESEARCHER, 1, None, 25)
    assert graph_node_ids(page) == {n.id for n in expected.nodes}
    assert "Allen" in page.inner_text("#profile-name")
    assert "h-index" in page.inner_text("#panel")
    stored = kg_trust.trust_of(idb03_graph, RESEARCHER)
    assert page.inner_text("#profile-trust") == f"Trust {stored.score} · {stored.tier}"

    coauthor = next(n.id for n in expected.nodes if n.type == "RESEARCHER" and n.id != RESEARCHER)
    page.evaluate(f"window.explorer.cy.getElementById('{coauthor}').emit('tap')")
    page.wait_for_function(f"window.explorer.state.expanded.has('{coauthor}')")
    around_coauthor = neighbourhood.neighbourhood(idb03_graph, coauthor, 1, None, 25)
    assert {n.id for n in around_coauthor.nodes} <= graph_node_ids(page)

    more = page.locator("kg-graph .more button")
    if more.count():
        before = len(graph_node_ids(page))
        more.first.click()
        page.wait_for_function(f"window.explorer.cy.nodes().length > {before}")
    page.wait_for_timeout(300)
    page.screenshot(path=str(OUTPUT / "explorer.png"))
    assert not errors, errors


def test_two_researchers_picked_in_the_panel_show_their_collaboration_path(
        idb03_graph: Graph, live_server: str, browser: Browser) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    far = researcher_two_steps_away(idb03_graph, RESEARCHER)
    path = coauthorship.collaboration_path(idb03_graph, RESEARCHER, far)
    assert path is not None and path.length >= 2
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(120_000)
    page.add_init_script(RECORD_LOADS)
    page.goto(f"{live_server}/explorer/")
    page.evaluate(f"window.explorer.explore('{RESEARCHER}', 'RESEARCHER')")
    wait_for_load(page, 1)
    page.click("#path-start")
    page.wait_for_selector("#path-start")
    page.evaluate(f"window.explorer.explore('{far}', 'RESEARCHER')")
    wait_for_load(page, 2)
    page.wait_for_selector("#path-to")
    page.click("#path-to")
    wait_for_load(page, 3)
    assert page.evaluate("window.explorer.widget.getAttribute('view')") == "path"
    researchers = page.evaluate(
        "window.explorer.cy.nodes('[type = \"RESEARCHER\"]').map((n) => n.id())")
    assert set(researchers) == {r.id for r in path.researchers}
    status = page.inner_text("kg-graph .status")
    assert f"{path.length} steps" in status
    page.screenshot(path=str(OUTPUT / "explorer-path.png"))


def test_topic_map_button_draws_the_whole_graphs_topics(
        idb03_graph: Graph, live_server: str, browser: Browser) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(120_000)
    page.add_init_script(RECORD_LOADS)
    page.goto(f"{live_server}/explorer/")
    page.click("#topic-map")
    wait_for_load(page, 1)
    shown = page.evaluate("window.explorer.cy.nodes().map((n) => n.data('type'))")
    assert len(shown) >= 20 and set(shown) == {"TOPIC"}
    page.screenshot(path=str(OUTPUT / "explorer-topics.png"))
