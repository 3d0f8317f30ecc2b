"""The TypeScript client in clients/typescript: its generated src/ matches what graphql-codegen
makes of the committed SDL and operations now, it compiles under strict TypeScript, and the
README's examples are among its operations, word for word."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from kg.resources import source_root

ROOT = source_root() or Path.cwd()
CLIENT = ROOT / "clients" / "typescript"
GENERATED = ("schema.ts", "operations.ts")


def npm_bin(name: str) -> Path:
    path = CLIENT / "node_modules" / ".bin" / name
    assert path.exists(), (f"{path} is missing: `./dev test` installs it "
                           "(npm ci --prefix clients/typescript)")
    return path


def test_committed_typescript_client_matches_codegen_of_the_committed_schema(
        tmp_path: Path) -> None:
    copy = tmp_path / "clients" / "typescript"
    copy.mkdir(parents=True)
    shutil.copy(CLIENT / "codegen.yml", copy)
    shutil.copytree(CLIENT / "operations", copy / "operations")
    (copy / "node_modules").symlink_to(CLIENT / "node_modules")
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "schema.graphql", tmp_path / "schema")

    result = subprocess.run([npm_bin("graphql-codegen"), "--config", "codegen.yml", "--silent"],
                            cwd=copy, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in GENERATED:
        assert (copy / "src" / name).read_text() == (CLIENT / "src" / name).read_text(), (
            f"clients/typescript/src/{name} is stale: run "
            "`npm run generate --prefix clients/typescript` and commit it")


def test_typescript_client_compiles_under_strict_typescript() -> None:
    result = subprocess.run([npm_bin("tsc"), "--noEmit", "-p", "tsconfig.json"], cwd=CLIENT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_readme_example_is_a_client_operation_word_for_word() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = sorted(re.findall(r"```graphql\n(.*?)```", readme, re.S))
    operations = sorted(p.read_text(encoding="utf-8")
                        for p in (CLIENT / "operations").glob("*.graphql"))
    assert examples and set(examples) <= set(operations)


def test_each_example_operation_names_its_sample_variables() -> None:
    for path in (CLIENT / "operations").glob("*.graphql"):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r'query \w+\(\$\w+: \w+!\) \{\s+# \{".+\}$', first_line), path.name
