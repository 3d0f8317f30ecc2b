"""Debian's Chromium for the browser tests (never a browser a test tool downloads itself), and a
record of every request a page makes that leaves loopback."""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Route

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def chromium_path() -> str:
    path = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser")
    assert path, "Chromium is missing: ./dev test installs Debian's chromium (or set KG_CHROMIUM)"
    return path


def block_non_loopback(context: BrowserContext) -> list[str]:
    """Aborts every request of `context` to a host other than loopback (data: and blob: URLs
    never reach the network) and returns the list the aborted URLs are appended to."""
    blocked: list[str] = []

    def handle(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts.hostname in LOOPBACK:
            route.continue_()
        else:
            blocked.append(url)
            route.abort("internetdisconnected")

    context.route("**/*", handle)
    return blocked
