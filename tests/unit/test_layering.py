"""Imports point one way: api -> kg -> neo4j/neomodel; only kg/graph.py and kg/models.py touch the
driver or neomodel (kg/neo4j_local.py provisions the server and needs neither)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIVER_MODULES = {"neo4j", "neomodel"}
WEB_MODULES = {"api", "strawberry", "starlette", "uvicorn"}
DRIVER_OWNERS = {"graph.py", "models.py"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_kg_never_imports_the_web_layer() -> None:
    for path in (ROOT / "kg").rglob("*.py"):
        imported = _imports(path) & WEB_MODULES
        if path.name == "cli.py":
            imported -= {"uvicorn"}
        assert not imported, f"{path.relative_to(ROOT)} imports {imported}"


def test_only_graph_and_models_touch_the_driver() -> None:
    for path in (ROOT / "kg").rglob("*.py"):
        if path.name not in DRIVER_OWNERS:
            assert not _imports(path) & DRIVER_MODULES, f"{path.relative_to(ROOT)} uses the driver"


def test_api_does_not_touch_the_driver() -> None:
    for path in (ROOT / "api").rglob("*.py"):
        assert not _imports(path) & DRIVER_MODULES, f"{path.relative_to(ROOT)} uses the driver"
