"""Writes the GraphQL SDL to schema/schema.graphql: `python -m api.graphql.sdl`. A test fails
when the committed file drifts from the code."""

from __future__ import annotations

from pathlib import Path

from api.graphql.schema import build_schema
from kg.config import Settings
from kg.resources import project_dir


def sdl() -> str:
    return str(build_schema(Settings())) + "\n"


def sdl_path() -> Path:
    return project_dir("schema") / "schema.graphql"


if __name__ == "__main__":
    sdl_path().write_text(sdl(), encoding="utf-8")
    print(f"wrote {sdl_path()}")
