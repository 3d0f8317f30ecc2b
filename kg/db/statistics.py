"""Planner statistics after bulk writes.

Neo4j plans a query once and caches the plan; index statistics are sampled in the background.
After a bulk change (an ingest, `kg derive --full`, `kg trust compute`, a data set deleted) the
cached plans and samples can describe data that is gone, and a query may keep a plan that is
25-100x slower (issue 16). Every bulk write path therefore ends with `refresh`: after a large
change, `db.prepareForReplanning` resamples the outdated indexes, waits for the sampler and
clears the plan cache, so each query is planned again on the new statistics; after a small one
the resample is only scheduled.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from kg.db.graph import Graph

LARGE_CHANGE = 1000  # nodes or records written or deleted: from here on plans are rebuilt
RESAMPLE_SECONDS = 300


@dataclass(frozen=True)
class Refresh:
    seconds: float
    replanned: bool

    def summary(self) -> str:
        what = "statistics resampled, plans cleared" if self.replanned else "statistics resampled"
        return f"{what} in {self.seconds:.2f}s"


def refresh(graph: Graph, changed: int) -> Refresh:
    """Resample outdated indexes; when `changed` reaches LARGE_CHANGE, wait for the sampler and
    clear the plan cache too."""
    started = time.perf_counter()
    replanned = changed >= LARGE_CHANGE
    if replanned:
        graph.read("admin/prepare_for_replanning", seconds=RESAMPLE_SECONDS)
    else:
        graph.read("admin/resample_indexes")
    return Refresh(time.perf_counter() - started, replanned)
