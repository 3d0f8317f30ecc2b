"""An execution context that records, per object type, whether the fast path
(api/graphql/execution.py `PlainExecutionContext`) or graphql-core's general path completed it."""

from __future__ import annotations

from typing import Any

from api.graphql.execution import PlainExecutionContext


class RecordingExecutionContext(PlainExecutionContext):
    planned: list[str] = []  # "Type:plain" or "Type:general", in the order planned

    def _make_plan(self, object_type: Any, field_details_list: Any) -> Any:
        plan = super()._make_plan(object_type, field_details_list)
        RecordingExecutionContext.planned.append(
            f"{object_type.name}:{'plain' if plan else 'general'}")
        return plan
