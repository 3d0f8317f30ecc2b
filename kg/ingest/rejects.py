"""The rejects file of one input: `<input>.rejects.jsonl`, one JSON object per rejected line
with the file, the line number, the reason and the raw line (its first `MAX_RAW_CHARS`
characters, with `"raw_truncated": true`, when it is longer). It is rewritten by every run, so it
always describes the latest one. When the input's folder is read-only, the file goes to
`<state>/rejects/` instead."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

MAX_RAW_CHARS = 1_000_000


def rejects_path_for(input_path: Path, state_dir: Path) -> Path:
    beside = input_path.with_name(input_path.name + ".rejects.jsonl")
    if os.access(input_path.parent, os.W_OK):
        return beside
    return state_dir / "rejects" / beside.name


class RejectsFile:
    def __init__(self, path: Path, input_path: Path) -> None:
        self.path = path
        self.input_path = input_path
        self.count = 0
        self._stream: IO[str] | None = None
        path.unlink(missing_ok=True)

    def add(self, line: int, reason: str, raw: str) -> None:
        if self._stream is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = self.path.open("w", encoding="utf-8")
        entry: dict[str, object] = {"file": str(self.input_path), "line": line,
                                    "reason": reason, "raw": raw[:MAX_RAW_CHARS]}
        if len(raw) > MAX_RAW_CHARS:
            entry["raw_truncated"] = True
        self._stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
