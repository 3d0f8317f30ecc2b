"""GraphiQL at /graphql in Debian's Chromium (headless) against a live server with every
request beyond loopback blocked and recorded: it renders the README's example operations as tabs
(Profile, Widget and Search first), with the sample's ids as variables, and runs one; every tab's
operation answers the sample without errors. Screenshot: test-output/graphiql/."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from kg import trust
from kg.db.graph import Graph
from kg.ingest.formats import FORMATS
from kg.ingest.pipeline import ingest_file
from testkit.browser import CHROMIUM_FLAGS, block_non_loopback, chromium_path
from testkit.datasets import SAMPLE_WORKS
from tests.e2e.conftest import Api

EDITORS = "[...document.querySelectorAll('.CodeMirror')].map((e) => e.CodeMirror.getValue())"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "graphiql"
OPERATIONS = Path(__file__).resolve().parents[2] / "clients" / "typescript" / "operations"
FIRST_TABS = ["Profile", "Widget", "Search"]


def example_operations() -> dict[str, tuple[str, dict]]:
    """Each example operation by name: its text and the sample variables of its first line."""
    found = {}
    for path in OPERATIONS.glob("*.graphql"):
        text = path.read_text(encoding="utf-8")
        name, variables = re.match(r"^query (\w+)[^\n#]*(?:#\s*(\{.*\}))?", text).groups()
        found[name] = (text, json.loads(variables) if variables else {})
    return found


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                             args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def sample_graph(graph: Graph, tmp_path: Path) -> Graph:
    ingest_file(graph, SAMPLE_WORKS, FORMATS["openalex"], 1000, tmp_path / "rejects.jsonl")
    trust.compute(graph)
    return graph


def test_graphiql_renders_the_example_tabs_and_runs_a_query_with_no_network_beyond_loopback(
        sample_graph: Graph, live_server: str, browser: Browser) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    blocked = block_non_loopback(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server}/graphql")

    page.wait_for_selector(".graphiql-execute-button")
    tabs = page.locator(".graphiql-tab")
    rest = sorted(set(example_operations()) - set(FIRST_TABS))
    assert [t.strip() for t in tabs.all_inner_texts()] == FIRST_TABS + rest
    page.wait_for_function(f"{EDITORS}[1] !== ''")
    query, variables = page.evaluate(EDITORS)[:2]
    assert query.startswith("query Profile($id: ID!)")
    assert json.loads(variables) == {"id": "A5085007251"}

    page.click(".graphiql-execute-button")
    result = page.locator(".result-window .CodeMirror")
    result.filter(has_text="Khalid").wait_for()
    assert '"errors"' not in result.inner_text()
    assert '"tier"' in result.inner_text()
    page.screenshot(path=str(OUTPUT / "graphiql.png"))

    tabs.nth(2).click()
    page.wait_for_function(f"{EDITORS}[0].startsWith('query Search')")
    assert json.loads(page.evaluate(EDITORS)[1]) == {"q": "carbonate diagenesis"}
    assert blocked == [], f"GraphiQL asked for the network beyond loopback: {blocked}"
    assert not errors, errors
    context.close()


def test_graphql_still_answers_json_and_the_page_names_only_its_own_assets(api: Api) -> None:
    assert api.data("{ __typename }") == {"__typename": "Query"}
    page = api.client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "/graphql/static/graphiql.js" in page.text
    assert "https://" not in page.text and "http://" not in page.text
    bundle = api.client.get("/graphql/static/graphiql.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000


def test_every_example_tab_answers_the_sample_without_errors(sample_graph: Graph,
                                                            api: Api) -> None:
    for name, (query, variables) in sorted(example_operations().items()):
        data = api.data(query, **variables)
        signed_out = {"me"}  # answers null without a token, by design
        assert data and all(value is not None for key, value in data.items()
                            if key not in signed_out), name
