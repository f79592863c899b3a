"""The build's one cache: results kept in .cache/<name>/ by a hash of everything they were made from.

- `key(*parts)`: the content key, a SHA-256 of the parts (text or bytes), each one delimited.
- `atomic_write(path, data)`: written whole or not at all (a stopped build leaves no half file to reuse);
  two builds may write the same file at once.
- `Store(folder, keep)`: one file per key. `get(key, make)` returns the file, made by `make(path)` when it is
  missing; `prune()` keeps the files this build used and the `keep` most recent others (undoing an edit then
  costs nothing), so the folder's size is bounded.
- `Memo(folder, name, source)`: small JSON-ready results (what a stage reads from a page's HTML), one file per
  stage, keyed on the text and on the stage's source; `save()` writes back only this build's entries.

A stage keys on its own source (`stage_source`): an edited stage computes everything again.
"""

import hashlib
import json
import os
import threading
from pathlib import Path


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)  # delimited: ("ab", "c") is not ("a", "bc")
    return digest.hexdigest()


def stage_source(module_file: str) -> bytes:
    """A stage's source as loaded, for its keys (`mkdocs serve` keeps the code it started with: see plugin.py)."""
    return Path(module_file).read_bytes()


def atomic_write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    if isinstance(data, str):
        partial.write_text(data, encoding="utf-8")
    else:
        partial.write_bytes(data)
    partial.replace(path)


def read_json(path: Path) -> dict:
    """A JSON file's content; {} when there is none yet, or a build stopped while writing it."""
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def json_text(data) -> str:
    return json.dumps(data, indent=0, sort_keys=True)


class Store:
    """Files named by content key in `folder`; at most `keep` of them besides those the current build used."""

    def __init__(self, folder: Path, keep: int):
        self.folder, self.keep, self.used = folder, keep, set()

    def path(self, name: str) -> Path:
        return self.folder / name

    def get(self, name: str, make) -> Path:
        """The file `name` (a key and a suffix), made by make(path_to_write) unless it exists."""
        path = self.folder / name
        if not path.is_file():
            partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                make(partial)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            partial.replace(path)
        self.used.add(path)
        return path

    def prune(self) -> None:
        for path in self.used:
            if path.exists():
                path.touch()  # in use: the most recent
        others = []
        for path in self.folder.glob("*") if self.folder.is_dir() else []:
            if path in self.used or path.name.startswith(".") or not path.is_file():
                continue
            try:
                others.append((path.stat().st_mtime, path))
            except FileNotFoundError:  # pruned by another build at the same moment
                pass
        for _, path in sorted(others, reverse=True)[self.keep :]:
            path.unlink(missing_ok=True)


class Memo:
    """compute()'s JSON-ready result for a text, kept across builds in `folder`/<name>.json."""

    def __init__(self, folder: Path, name: str, source: bytes):
        self.path = folder / f"{name}.json"
        self.source = source
        self.earlier = read_json(self.path)
        self.current = {}

    def get(self, text: str, compute):
        """compute()'s result for `text`: from this build or an earlier one, else computed now."""
        k = key(self.source, text)
        if k not in self.current:
            self.current[k] = self.earlier[k] if k in self.earlier else compute()
        return self.current[k]

    def save(self) -> None:
        atomic_write(self.path, json.dumps(self.current))
