from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from kg import accounts
from kg.config import Settings
from kg.db.graph import Graph
from testkit.browser import CHROMIUM_FLAGS, chromium_path


class Api:
    """A GraphQL client over HTTP (Starlette's test client, the app's real lifespan)."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    @property
    def graph(self) -> Graph:
        return self.client.app.state.graph  # type: ignore[attr-defined]

    def query(self, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self.client.post("/graphql", json={"query": query, "variables": variables},
                                    headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    def data(self, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
        body = self.query(query, token, **variables)
        assert "errors" not in body, body["errors"]
        return body["data"]

    def error_code(self, query: str, token: str | None = None, **variables: Any) -> str:
        body = self.query(query, token, **variables)
        assert body.get("errors"), body
        return body["errors"][0]["extensions"]["code"]


@pytest.fixture
def api(settings: Settings) -> Iterator[Api]:
    with TestClient(create_app(settings)) as client:
        yield Api(client)


@pytest.fixture
def tokens(graph: Graph) -> dict[str, str]:
    """Fresh accounts on an empty graph: an admin and two users."""
    _, admin = accounts.create_user(graph, "admin@example.org", "Admin", admin=True)
    _, ada = accounts.create_user(graph, "ada@example.org", "Ada")
    _, bob = accounts.create_user(graph, "bob@example.org", "Bob")
    return {"admin": admin, "ada": ada, "bob": bob}


@pytest.fixture
def live_server(settings: Settings) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, for browsers and concurrent clients."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def people(graph: Graph) -> Graph:
    """Two researchers (A1 Ada, A2 Bob) and a paper (W1) for the account and social tests."""
    graph.driver.execute_query(
        "CREATE (:Researcher {id: 'A1', name: 'Ada'}), (:Researcher {id: 'A2', name: 'Bob'}),"
        " (:Paper {id: 'W1', title: 'A paper', upvotes: 3})")
    return graph


@pytest.fixture(scope="module")
def chromium() -> Iterator[dict[str, Any]]:
    """Debian's Chromium, headless, driven by Playwright (never a browser Playwright downloads):
    one process for a module's tests (a launch is 2.6-3.0 s at load 19, a new page in a running
    one 0.7-1.2 s), launched by the module's first `browser`, so after that test's other
    fixtures (its data loaded, its server up), as when each test launched its own."""
    running: dict[str, Any] = {}
    yield running
    if running:
        running["browser"].close()
        running["playwright"].stop()


@pytest.fixture
def browser(chromium: dict[str, Any]) -> Iterator[Any]:
    """The module's Chromium for one test: its pages open in contexts of their own
    (`new_page`, `new_context`: cookies, storage and cache apart), and every context the test
    opened is closed after it, so no test sees another's pages."""
    from playwright.sync_api import sync_playwright

    if not chromium:
        chromium["playwright"] = sync_playwright().start()
        chromium["browser"] = chromium["playwright"].chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS)
    yield chromium["browser"]
    for context in chromium["browser"].contexts:
        context.close()
