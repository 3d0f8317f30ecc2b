"""The repository stands alone: no file names a path of one machine, and the default suite reads
only data the repository bundles (tests/integration/test_standalone_clone.py runs a clone)."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MACHINE_PATH = re.compile(r"(?<![\w.])/(work|home/\w+|Users|root)/")


def _tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    return [ROOT / name for name in names if not name.startswith("tests/data/")]


def test_no_file_names_an_absolute_path_of_a_machine() -> None:
    offenders = []
    for path in _tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        offenders += [f"{path.relative_to(ROOT)}:{n}" for n, line in
                      enumerate(text.splitlines(), start=1) if MACHINE_PATH.search(line)]
    assert not offenders


def test_bundled_data_sets_each_carry_their_origin_and_licence() -> None:
    for folder in [ROOT / "data" / "sample", *sorted((ROOT / "tests" / "data").iterdir())]:
        source = (folder / "SOURCE.md").read_text(encoding="utf-8")
        assert "icen" in source, f"{folder.relative_to(ROOT)}/SOURCE.md names no licence"
