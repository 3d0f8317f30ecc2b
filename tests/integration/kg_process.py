"""Runs `python -m kg.cli` as a separate process against the test database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kg.config import Settings


def kg_env(settings: Settings, state_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_USER=settings.neo4j_user,
        NEO4J_PASSWORD=settings.neo4j_password,
        NEO4J_DATABASE=settings.neo4j_database,
        KG_STATE_DIR=str(state_dir),
        KG_WARM_PLAN_SECONDS=str(settings.warm_plan_seconds),
    )
    return env


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def run_kg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(kg_command(*args), env=env, capture_output=True, text=True, timeout=600)
