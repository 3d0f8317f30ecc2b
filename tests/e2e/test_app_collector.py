"""The app freezes the objects alive at its start out of the garbage collector's scans and
raises the young generation's threshold while it runs (fewer collections per answer), and
gives both back when it stops, so an app started again in the same process starts afresh."""

from __future__ import annotations

import gc

from starlette.testclient import TestClient

from api.app import GC_YOUNG_THRESHOLD, create_app
from kg.config import Settings


def test_the_collector_is_tuned_while_the_app_runs_and_restored_when_it_stops(
        settings: Settings) -> None:
    before = gc.get_threshold()
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").status_code == 200
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, *before[1:])
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
