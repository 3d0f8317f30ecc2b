"""Every benchmark and test-support module imports: a module that moved (kg.schema ->
kg.db.schema) breaks a bench only when someone runs it, so a test imports them all."""

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for folder in ("bench", "testkit") for path in (ROOT / folder).rglob("*.py")
    if path.name != "__init__.py" and "node_modules" not in path.parts
)


@pytest.mark.parametrize("module", MODULES)
def test_module_imports(module: str) -> None:
    importlib.import_module(module)
