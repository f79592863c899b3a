"""The `snippets` package as a wheel (its data file included), served with the site (downloads stage).

Built offline (no index, no build isolation) from a clean copy of the package's files, once per content of
those files: kept in .cache/wheel by a hash of them. File dates inside are fixed, so equal code gives equal bytes.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import NamedTuple

from mkdocs.exceptions import PluginError

from . import disk_cache
from .reproducible import FIXED_EPOCH

PACKAGE_FILES = ("pyproject.toml", "README.md", "LICENSE", "DATA_LICENSE.md", "snippets")


class Wheel(NamedTuple):
    path: Path  # in the cache
    name: str  # the wheel's file name, as served: snippets-<version>-py3-none-any.whl


def _package_digest(project: Path) -> str:
    parts = []
    for name in PACKAGE_FILES:
        path = project / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                parts += [file.relative_to(project).as_posix(), file.read_bytes()]
    return disk_cache.key(*parts)[:16]


def _build(project: Path, name: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        source.mkdir()
        for part in PACKAGE_FILES:
            if (project / part).is_dir():
                shutil.copytree(project / part, source / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(project / part, source / part)
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                   "-q", "-w", str(Path(tmp) / "out"), str(source)]  # fmt: skip
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(FIXED_EPOCH)}
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise PluginError(f"building the snippets wheel failed:\n{result.stderr[-2000:]}")
        built = Path(tmp) / "out" / name
        if not built.is_file():
            found = [p.name for p in (Path(tmp) / "out").iterdir()]
            raise PluginError(f"building the snippets wheel gave {found}, not {name}")
        shutil.copyfile(built, target)


def build(project: Path, store: disk_cache.Store) -> Wheel:
    """The wheel of the project's current package files, built unless the store has it."""
    missing = [name for name in PACKAGE_FILES if not (project / name).exists()]
    if missing:
        raise PluginError(f"cannot build the snippets wheel: {', '.join(missing)} missing from {project}")
    meta = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    name = f"{meta['name']}-{meta['version']}-py3-none-any.whl"
    path = store.get(f"{_package_digest(project)}.whl", lambda target: _build(project, name, target))
    store.prune()
    return Wheel(path, name)
