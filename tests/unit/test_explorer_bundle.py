"""The explorer's bundle, explorer/dist/kg-graph.js, is never committed: `./dev` builds it when a
source is newer. These tests fail when the bundle the API would serve is older than its sources
or was built from other GraphQL documents than the ones in explorer/src/api.js (the "N+ more"
button needs `remainingAtMost` and `exact`)."""

from __future__ import annotations

import re
from pathlib import Path

from kg.resources import source_root

ROOT = source_root() or Path.cwd()
EXPLORER = ROOT / "explorer"
BUNDLE = EXPLORER / "dist" / "kg-graph.js"
DOCUMENT = re.compile(r"export const [A-Z_]+ = `([^`]*)`;")


def test_the_explorer_bundle_is_newer_than_every_source() -> None:
    assert BUNDLE.is_file(), "explorer/dist is missing: npm run build --prefix explorer (./dev)"
    newest = max(path.stat().st_mtime for path in (EXPLORER / "src").rglob("*.js"))
    assert BUNDLE.stat().st_mtime >= newest, "rebuild: npm run build --prefix explorer"


def test_the_explorer_bundle_sends_the_graphql_documents_of_its_sources() -> None:
    documents = DOCUMENT.findall((EXPLORER / "src" / "api.js").read_text(encoding="utf-8"))
    assert len(documents) >= 3
    assert any("truncated { type remaining remainingAtMost exact }" in d for d in documents)
    bundle = BUNDLE.read_text(encoding="utf-8")
    for document in documents:
        assert document in bundle
