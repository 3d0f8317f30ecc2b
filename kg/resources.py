"""Where the project's non-Python files live: `queries/`, `schema/`, `deploy/`.

From a source tree (or an editable install) they sit next to the `kg` package; a wheel carries
them inside the package under `kg/_bundled/` (see `pyproject.toml`).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def source_root() -> Path | None:
    """The project checkout this package runs from, or None for an installed wheel."""
    root = _PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "queries").is_dir() else None


def project_dir(name: str) -> Path:
    """The directory `queries`, `schema` or `deploy`, wherever this installation keeps it."""
    root = source_root()
    candidate = root / name if root is not None else _PACKAGE_DIR / "_bundled" / name
    if not candidate.is_dir():
        raise FileNotFoundError(f"the project's {name}/ directory is missing ({candidate})")
    return candidate


def graphiql_dist() -> Path:
    """The GraphiQL bundle `npm run build --prefix graphiql` writes (absent until built)."""
    root = source_root()
    return (root / "graphiql" if root is not None else _PACKAGE_DIR / "_bundled" / "graphiql") \
        / "dist"
