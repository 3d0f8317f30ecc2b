"""Helpers for the browser tests of the <kg-graph> component and the pages built on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from kg import neighbourhood
from kg.db.graph import Graph

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "explorer"
AXE = ROOT / "explorer" / "node_modules" / "axe-core" / "axe.min.js"

# Every event the component emits, kept on window.kgEvents in order.
RECORD_EVENTS = """
window.kgEvents = [];
for (const name of ["node-select", "expand", "graph-load", "graph-error"]) {
  document.addEventListener(name, (event) => window.kgEvents.push({ name, detail: event.detail }));
}
"""


def events(page: Page, name: str) -> list[dict[str, Any]]:
    return page.evaluate(f"window.kgEvents.filter((e) => e.name === '{name}').map((e) => e.detail)")


def wait_for_events(page: Page, name: str, count: int) -> list[dict[str, Any]]:
    page.wait_for_function(
        f"window.kgEvents.filter((e) => e.name === '{name}').length >= {count}")
    return events(page, name)


def researcher_two_steps_away(graph: Graph, researcher: str) -> str:
    """A researcher who never wrote with `researcher` but wrote with one of their co-authors."""
    near = {n.id for n in neighbourhood.neighbourhood(graph, researcher, 1, ["RESEARCHER"],
                                                      100).nodes}
    for coauthor in sorted(near - {researcher}):
        around = neighbourhood.neighbourhood(graph, coauthor, 1, ["RESEARCHER"], 100)
        farther = sorted({n.id for n in around.nodes} - near)
        if farther:
            return farther[0]
    raise AssertionError(f"{researcher} has no researcher two steps away")


def serious_accessibility_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core (from explorer/node_modules) run on the page as it stands, shadow roots included:
    the violations of serious or critical impact."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => {
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    }""")
    return [v for v in found if v["impact"] in ("serious", "critical")]


LABEL_OVERLAPS = """(selector) => {
  const cy = document.querySelector(selector).cy;
  const boxes = cy.nodes(".labelled").map((n) => ({ id: n.id(),
    box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) }));
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].box, b = boxes[j].box;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) {
        pairs.push([boxes[i].id, boxes[j].id]);
      }
    }
  }
  return pairs;
}"""


def label_overlaps(page: Page, selector: str) -> list[list[str]]:
    return page.evaluate(LABEL_OVERLAPS, selector)
