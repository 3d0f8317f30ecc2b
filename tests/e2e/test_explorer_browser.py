"""The explorer page in Debian's Chromium (headless) against a live server: search, pick a
researcher, expand a node, show more; the graph must hold the service's nodes. Screenshots go to
test-output/explorer/."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from kg import neighbourhood
from kg import trust as kg_trust
from kg.db.graph import Graph

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "explorer"
RESEARCHER = "A5103059223"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


def chromium_path() -> str:
    path = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser")
    assert path, "Chromium is missing: ./dev test installs Debian's chromium (or set KG_CHROMIUM)"
    return path


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                             args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def graph_node_ids(page: Page) -> set[str]:
    return set(page.evaluate("window.explorer.cy.nodes().map((n) => n.id())"))


def test_search_pick_expand_and_show_more(idb03_graph: Graph, live_server: str,
                                          browser: Browser) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    kg_trust.compute(idb03_graph)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server}/explorer/")

    page.fill("#search-input", "Philip Allen")
    page.select_option("#search-type", "RESEARCHER")
    page.click("#search-form button[type=submit]")
    page.click(f"#search-results li[data-id='{RESEARCHER}']")
    page.wait_for_selector("#profile-trust")
    expected = neighbourhood.neighbourhood(idb03_graph, RESEARCHER, 1, None, 15)
    assert graph_node_ids(page) == {n.id for n in expected.nodes}
    assert "Allen" in page.inner_text("#profile-name")
    assert "h-index" in page.inner_text("#panel")
    stored = kg_trust.trust_of(idb03_graph, RESEARCHER)
    assert page.inner_text("#profile-trust") == f"Trust {stored.score} · {stored.tier}"

    coauthor = next(n.id for n in expected.nodes if n.type == "RESEARCHER" and n.id != RESEARCHER)
    page.evaluate(f"window.explorer.cy.getElementById('{coauthor}').emit('tap')")
    page.wait_for_function(f"window.explorer.state.expanded.has('{coauthor}')")
    around_coauthor = neighbourhood.neighbourhood(idb03_graph, coauthor, 1, None, 15)
    assert {n.id for n in around_coauthor.nodes} <= graph_node_ids(page)

    more = page.locator("#more button")
    if more.count():
        before = len(graph_node_ids(page))
        more.first.click()
        page.wait_for_function(f"window.explorer.cy.nodes().length > {before}")
    page.wait_for_timeout(300)
    page.screenshot(path=str(OUTPUT / "explorer.png"))
    assert not errors, errors
