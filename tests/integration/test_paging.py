"""One page-size limit: KG_MAX_PAGE_SIZE bounds the API's check and every paged service alike."""

from __future__ import annotations

import dataclasses

import pytest

from kg.coauthorship import coauthors_of
from kg.config import Settings
from kg.db.graph import Graph
from kg.errors import BadInput

HUB = "A5027197211"  # idb03's best-connected researcher: more than 150 co-authors


def test_raising_the_page_size_setting_raises_it_in_the_services_too(
    idb03_graph: Graph, settings: Settings
) -> None:
    with pytest.raises(BadInput, match="between 1 and 100"):
        coauthors_of(idb03_graph, HUB, first=150)
    wider = Graph(dataclasses.replace(settings, max_page_size=200), idb03_graph.queries)
    try:
        page = coauthors_of(wider, HUB, first=150)
    finally:
        wider.close()
    assert len(page.items) == 150 < page.total_count
