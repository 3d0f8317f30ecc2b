"""Imports point one way: api -> kg -> kg.db -> neo4j/neomodel.

- `kg/db/` is the only place that touches the driver or neomodel; `kg/server/` provisions Neo4j
  and needs neither; the services of `kg/` reach the database through `kg.db` only.
- `kg/db/` and `kg/server/` know nothing of the services above them.
- `kg` never imports the web layer; `api` never touches the driver.
- Nothing that ships (`kg`, `api`) imports `testkit`, `tests` or `bench`.
- No import cycles between the project's modules.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIVER_MODULES = {"neo4j", "neomodel"}
WEB_MODULES = {"api", "strawberry", "starlette", "uvicorn"}
TEST_SUPPORT = {"testkit", "tests", "bench"}
FOUNDATION = {"kg.config", "kg.errors", "kg.resources", "kg.vocabulary", "kg.paging"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Fully qualified names of the modules a file imports (absolute imports only)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _tops(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _project_modules() -> dict[str, Path]:
    return {_module_name(path): path for package in ("kg", "api") for path in _files(package)}


def test_kg_never_imports_the_web_layer() -> None:
    for path in _files("kg"):
        imported = _tops(_imports(path)) & WEB_MODULES
        if path.name == "cli.py":
            imported -= {"uvicorn"}
        assert not imported, f"{path.relative_to(ROOT)} imports {imported}"


def test_only_kg_db_touches_the_driver() -> None:
    for path in _files("kg"):
        if path.parent.name != "db":
            used = _tops(_imports(path)) & DRIVER_MODULES
            assert not used, f"{path.relative_to(ROOT)} uses the driver"


def test_api_does_not_touch_the_driver() -> None:
    for path in _files("api"):
        used = _tops(_imports(path)) & DRIVER_MODULES
        assert not used, f"{path.relative_to(ROOT)} uses the driver"


def test_db_and_server_know_nothing_of_the_services_above_them() -> None:
    modules = _project_modules()
    for name, path in modules.items():
        if not name.startswith(("kg.db", "kg.server")):
            continue
        own = name.split(".")[1]
        for imported in _imports(path) & set(modules):
            allowed = imported in FOUNDATION or imported.startswith(("kg.db", f"kg.{own}"))
            assert allowed, f"{name} imports {imported}"


def test_shipped_code_never_imports_test_support() -> None:
    for package in ("kg", "api"):
        for path in _files(package):
            assert not _tops(_imports(path)) & TEST_SUPPORT, f"{path.relative_to(ROOT)}"


def test_the_project_has_no_import_cycles() -> None:
    modules = _project_modules()
    edges = {name: {i for i in _imports(path) if i in modules and i != name}
             for name, path in modules.items()}
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(edges[name]):
            if target.startswith(name + "."):
                continue  # a package importing its own submodule
            if state.get(target) == "open":
                raise AssertionError(" -> ".join([*trail, name, target]))
            if target not in state:
                visit(target, [*trail, name])
        state[name] = "done"

    for name in sorted(modules):
        if name not in state:
            visit(name, [])
